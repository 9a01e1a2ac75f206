import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { declaredFacts, type ValidDeclaration } from '../domain/breach/declaration.js';
import { declareBreach } from '../store/breaches.js';
import { getOrgSettings } from '../store/settings.js';
import { planCountdown } from './reminders.js';
import { planRegimeReminders } from './regimes.js';
import type { DeclareAnswers } from '../domain/regimes/types.js';
import { regimesAtDeclaration } from '../domain/regimes/breach-regimes.js';

/*
 * Declare (flow 1), its first half: the breach is stored with its reminder plan before Slack hears
 * anything. The channel, card and welcome follow in declare-setup.ts.
 */

export interface DeclareContext {
  db: Db;
  config: Pick<Config, 'seeds'>;
  clock: Clock;
}

/**
 * Stores a validated declaration and its countdown reminders in one transaction and returns the
 * breach's id. The submission key (the modal's view id) makes it idempotent: the same submission
 * delivered twice, or a double click, finds the first breach. Throws when the database cannot be reached.
 */
export async function storeDeclaration(
  ctx: DeclareContext,
  declared: ValidDeclaration,
  meta: { reporterId: string; submissionKey: string; replyUrl: string | null },
  /** The Declare modal's answers that choose the reporting regimes, with the settings in force (issue 16). */
  answers: DeclareAnswers = {},
): Promise<string> {
  const { incidentCategory, detectedAt, endedAt, reporterFunction, ...d } = declared;
  const org = await getOrgSettings(ctx.db, ctx.config);
  const schedule = org.reminderSchedule;
  // Fixed now: the regimes that apply with the settings in force and the modal's answer.
  const regimes = regimesAtDeclaration(org.regimes, answers);
  const { breach } = await declareBreach(
    ctx.db,
    {
      ...d,
      awareAt: d.awareAt.toJSDate(),
      startedAt: d.startedAt?.toJSDate() ?? null,
      deadlineAt: d.deadlineAt.toJSDate(),
      facts: declaredFacts({ incidentCategory, detectedAt, endedAt, reporterFunction }),
      regimes,
      regimeAnswers: { ...answers },
    },
    {
      ...meta,
      now: ctx.clock.now().toJSDate(),
      planReminders: async (tx, b) => {
        await planCountdown(tx, b, schedule, b.createdAt);
        await planRegimeReminders(tx, b, schedule, b.createdAt);
      },
    },
  );
  return breach.id;
}
