import { refreshCard, type CardContext } from '../../flows/card.js';
import type { FactField } from '../../domain/breach/recorded-facts.js';
import type { Breach } from '../../domain/breach/entity.js';
import { slackErrorCode } from '../../web-api-error.js';
import { mention } from './text.js';

/*
 * After Update facts: the card shows the new state, and the card's thread is told which facts
 * changed, by their labels only: the values are in the drafts, not repeated in the channel.
 */

const FACT_LABELS: Record<FactField, string> = {
  subjectWhatHappened: 'what happened (to the people affected)',
  subjectNotAffected: 'what is not affected',
  subjectCause: 'the cause (to the people affected)',
  subjectConsequences: 'what it could mean for them',
  subjectMeasures: 'what we have done (to the people affected)',
  subjectNoActionReason: 'why they need not do anything',
  publicNoticeReason: 'why a public notice',
  subjectApology: 'apology',
  title: 'title',
  description: 'what happened',
  discovery: 'how it was discovered',
  subjectsDescription: 'who is affected',
  subjectsCount: 'number of people',
  subjectsApproximate: 'people count approximate',
  dataDescription: 'personal data',
  recordsCount: 'number of records',
  recordsApproximate: 'records count approximate',
  exposureWho: 'who may have seen it',
  actualConsequences: 'consequences so far',
  likelyConsequences: 'likely consequences',
  causeOrigin: 'internal or external cause',
  causeMalicious: 'deliberate or not',
  causeDescription: 'cause',
  measuresBefore: 'measures before',
  measuresTaken: 'measures taken',
  measuresProposed: 'measures proposed',
  mitigation: 'measures to limit harm',
  subjectSteps: 'what people can do',
  controller: 'the controller',
  processors: 'processors',
  policeInformed: 'police told',
  policeReference: 'police reference',
  otherAuthorities: 'other authorities',
  crossBorder: 'other countries affected',
  crossBorderCountries: 'which countries',
  delayReason: 'reasons for the delay',
  supplementExpectedBy: 'when the missing information follows',
  incidentCategory: 'kind of incident',
  dataUnintelligible: 'encrypted or unintelligible',
  detectedAt: 'when it was detected',
  endedAt: 'when it ended',
  reporterName: 'person reporting',
  reporterFunction: 'their function',
  sector: 'sector',
};

export async function announceFacts(
  ctx: CardContext,
  saved: { changed: readonly FactField[]; breach: Pick<Breach, 'id' | 'channelId' | 'cardTs' | 'reference'> },
  userId: string,
): Promise<void> {
  if (saved.changed.length === 0) return;
  await refreshCard(ctx, saved.breach.id);
  const { channelId, cardTs, reference } = saved.breach;
  if (!channelId || !cardTs) return;
  const text = `:pencil: ${mention(userId)} updated the facts: ${saved.changed.map((f) => FACT_LABELS[f]).join(', ')}. Press *Draft notices* for drafts with them.`;
  await ctx.client.chat
    .postMessage({ channel: channelId, thread_ts: cardTs, text, unfurl_links: false })
    .catch((err) => ctx.logger.warn(`could not announce the facts of ${reference}: ${slackErrorCode(err)}`));
}
