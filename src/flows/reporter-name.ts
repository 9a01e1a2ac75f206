import { DEFAULT_LANGUAGES } from '../domain/language.js';
import { getLanguageSettings } from '../store/settings.js';
import type { Logger, webApi } from '@slack/bolt';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { FACT_SHORT_MAX, readRecordedFacts } from '../domain/breach/recorded-facts.js';
import { slackErrorCode } from '../web-api-error.js';
import { saveRecordedFacts } from '../store/breach-facts.js';
import { getBreach } from '../store/breaches.js';
import { BOT_ACTOR } from '../domain/timeline/event.js';

/*
 * The person reporting (EDPB template, Datatilsynet item 1) is whoever declared the breach until
 * someone records otherwise: their name comes from their Slack profile (users.info), after the
 * declaration is stored, never before the 3-second ack. Run at the end of setup and again before
 * drafting, so a lookup that failed (or a crash) is made up later; a name typed in Update facts is
 * never overwritten.
 */

export interface ReporterContext {
  db: Db;
  client: webApi.WebClient;
  logger: Pick<Logger, 'warn'>;
  clock: Clock;
}

export async function fillReporterName(ctx: ReporterContext, breachId: string): Promise<void> {
  const breach = await getBreach(ctx.db, breachId);
  // The reporter's name is not a localized text: the language it is read with does not matter here.
  if (!breach || breach.closedAt || readRecordedFacts(breach.facts, DEFAULT_LANGUAGES.writing).reporterName) return;
  let name: string;
  try {
    const res = await ctx.client.users.info({ user: breach.reporterId });
    const u = res.user;
    name = (u?.real_name || u?.profile?.real_name || u?.profile?.display_name || u?.name || '').trim().slice(0, FACT_SHORT_MAX);
  } catch (err) {
    ctx.logger.warn(`could not look up the reporter of ${breach.reference}: ${slackErrorCode(err)}`);
    return;
  }
  if (!name) return;
  await saveRecordedFacts(ctx.db, {
    breachId,
    // Read again under the lock: someone may have typed a name meanwhile.
    facts: (before) => (before.reporterName ? before : { ...before, reporterName: name }),
    actor: BOT_ACTOR,
    now: ctx.clock.now(),
    writing: (await getLanguageSettings(ctx.db)).writing,
  });
}
