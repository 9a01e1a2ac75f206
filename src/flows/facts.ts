import { DateTime } from 'luxon';
import { withoutDeclared } from '../domain/breach/declared-texts.js';
import { checkFactsForm, keepHiddenLanguages, languagesIn, type FactsFormInput } from '../domain/breach/facts-form.js';
import { prefillFromAssessment, readRecordedFacts, type RecordedFacts } from '../domain/breach/recorded-facts.js';
import type { LanguageSettings } from '../domain/language.js';
import type { Db } from '../db/client.js';
import { latestAssessment } from '../store/assessments.js';
import { saveRecordedFacts, type FactsSaved } from '../store/breach-facts.js';
import { getBreach } from '../store/breaches.js';
import { getLanguageSettings } from '../store/settings.js';
import type { CardContext } from './card.js';
import type { Breach } from '../domain/breach/entity.js';

/*
 * Update facts (flow 5): anyone in the breach channel records what the notices need; each change is
 * an event row, and the card then offers a new draft. The thread is told which facts changed, by
 * their labels only: the values are in the drafts, not repeated in the channel.
 */

export type FactsResult = { ok: true; saved: FactsSaved } | { ok: false; errors: Record<string, string> };

/** Checks the Update facts form (errors at the field) and records what changed, with its event row. */
export async function saveFactsFromForm(ctx: CardContext, r: { breachId: string; userId: string; input: FactsFormInput; submission: string }): Promise<FactsResult> {
  const [breach, languages] = await Promise.all([getBreach(ctx.db, r.breachId), getLanguageSettings(ctx.db)]);
  if (!breach) return { ok: false, errors: { incidentCategory: 'That breach no longer exists.' } };
  const startedAt = breach.startedAt ? DateTime.fromJSDate(breach.startedAt, { zone: 'utc' }) : null;
  const input = r.input;
  const check = checkFactsForm(input, { startedAt, now: ctx.clock.now(), writing: languages.writing });
  if (!check.ok) return { ok: false, errors: check.errors };
  const shown = languagesIn(input);
  const saved = await saveRecordedFacts(ctx.db, {
    breachId: r.breachId,
    // The form has boxes for the drafting languages only: texts in another language stay as stored.
    facts: (before) => keepHiddenLanguages(before, withoutDeclared(check.value, breach, languages.writing), shown),
    actor: r.userId,
    now: ctx.clock.now(),
    writing: languages.writing,
    submission: r.submission,
  });
  if (!saved.ok) {
    const message = saved.why === 'closed' ? 'The breach is closed: its facts are part of the record and can no longer change.' : 'That breach no longer exists.';
    return { ok: false, errors: { incidentCategory: message } };
  }
  return { ok: true, saved };
}

/**
 * What the Update facts form starts from: the organisation's languages and the recorded facts,
 * filled in from the latest assessment where they are not recorded. Two indexed reads.
 */
export async function factsFormStart(db: Db, breach: Breach): Promise<{ facts: RecordedFacts; languages: LanguageSettings }> {
  const languages = await getLanguageSettings(db);
  const assessed = await latestAssessment(db, breach.id);
  return { languages, facts: prefillFromAssessment(readRecordedFacts(breach.facts, languages.writing), assessed?.answers) };
}
