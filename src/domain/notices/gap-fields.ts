/**
 * Where each gap a draft can have is filled (issue 17: "Fill gaps" opens Update facts at the fields
 * the drafting round named). Most gaps are facts the team records in Update facts; the others come
 * from elsewhere: the organisation's settings (Home tab), the declaration, the risk assessment, the
 * DPO's decision, or what is recorded as sent. The table is total over FieldKey, so a new gap must
 * say where it is filled before it compiles.
 */

import type { FactsFormField } from '../breach/facts-form.js';
import type { FieldKey } from './fields.js';

/** Gaps not filled in Update facts, by where they are filled. */
export type GapElsewhere = 'settings' | 'declaration' | 'assessment' | 'decision' | 'record';

export type GapPlace = { form: readonly FactsFormField[] } | { elsewhere: GapElsewhere };

const form = (...fields: FactsFormField[]): GapPlace => ({ form: fields });
const elsewhere = (where: GapElsewhere): GapPlace => ({ elsewhere: where });

export const GAP_PLACES: Record<FieldKey, GapPlace> = {
  'organisation.name': elsewhere('settings'),
  'organisation.cvr': elsewhere('settings'),
  'organisation.address': elsewhere('settings'),
  'organisation.dpo.name': elsewhere('settings'),
  'organisation.dpo.email': elsewhere('settings'),
  'organisation.dpo.phone': elsewhere('settings'),
  // The sector is part of the organisation in the notice, but recorded per breach (from-breach.ts).
  'organisation.sector': form('sector'),
  'reporter.name': form('reporterName'),
  'reporter.function': form('reporterFunction'),
  reference: elsewhere('declaration'),
  title: form('title'),
  description: form('description'),
  awareAt: elsewhere('declaration'),
  startedAt: elsewhere('declaration'),
  endedAt: form('endedAt'),
  detectedAt: form('detectedAt'),
  incidentCategory: form('incidentCategory'),
  dataUnintelligible: form('dataUnintelligible'),
  // A recorded end time says the breach is over (from-breach.ts `ongoing`).
  ongoing: form('endedAt'),
  discovery: form('discovery'),
  role: elsewhere('declaration'),
  otherParties: form('processors', 'controller'),
  'otherParties.controller': form('controller'),
  systems: elsewhere('declaration'),
  breachTypes: elsewhere('assessment'),
  'cause.origin': form('causeOrigin'),
  'cause.malicious': form('causeMalicious'),
  'subjects.categories': elsewhere('assessment'),
  'subjects.count': form('subjectsCount', 'approximate'),
  'data.types': elsewhere('assessment'),
  'data.recordsCount': form('recordsCount', 'approximate'),
  'subjects.description': form('subjectsDescription'),
  'data.description': form('dataDescription'),
  'cause.description': form('causeDescription'),
  'exposure.who': form('exposureWho'),
  'exposure.status': elsewhere('assessment'),
  measuresBefore: form('measuresBefore'),
  measuresTaken: form('measuresTaken'),
  measuresProposed: form('measuresProposed'),
  mitigation: form('mitigation'),
  actualConsequences: form('actualConsequences'),
  likelyConsequences: form('likelyConsequences'),
  assessment: elsewhere('assessment'),
  decision: elsewhere('decision'),
  'notification.type': elsewhere('record'),
  'notification.earlierReference': elsewhere('record'),
  'notification.completeness': elsewhere('record'),
  'notification.supplementExpectedBy': form('supplementExpectedBy'),
  'notification.submittedAt': elsewhere('record'),
  delayReason: form('delayReason'),
  communication: elsewhere('decision'),
  'communication.at': elsewhere('record'),
  'communication.channels': elsewhere('record'),
  'communication.count': elsewhere('record'),
  'communication.reason': elsewhere('record'),
  'communication.note': elsewhere('record'),
  subjectAdvice: form('subjectSteps'),
  'subjectAdvice.noActionReason': form('subjectNoActionReason'),
  'subjectText.whatHappened': form('subjectWhatHappened'),
  'subjectText.cause': form('subjectCause'),
  'subjectText.consequences': form('subjectConsequences'),
  'subjectText.measures': form('subjectMeasures'),
  'subjectText.apology': form('subjectApology'),
  'data.notInvolved': form('subjectNotAffected'),
  publicNoticeReason: form('publicNoticeReason'),
  'otherAuthorities.police': form('policeInformed', 'policeReference'),
  'otherAuthorities.others': form('otherAuthorities'),
  'crossBorder.involved': form('crossBorder'),
  'crossBorder.countries': form('crossBorder', 'crossBorderCountries'),
  'crossBorder.counts': form('crossBorderCountries'),
};

export const isFieldKey = (v: string): v is FieldKey => Object.hasOwn(GAP_PLACES, v);

/** The Update facts fields that fill these gaps, in the gaps' order, each once. */
export function formFieldsFor(gaps: readonly FieldKey[]): FactsFormField[] {
  const out = new Set<FactsFormField>();
  for (const g of gaps) {
    const place = GAP_PLACES[g];
    if ('form' in place) for (const f of place.form) out.add(f);
  }
  return [...out];
}

/** The gaps filled somewhere other than Update facts, by where. */
export function gapsElsewhere(gaps: readonly FieldKey[]): Map<GapElsewhere, FieldKey[]> {
  const out = new Map<GapElsewhere, FieldKey[]>();
  for (const g of gaps) {
    const place = GAP_PLACES[g];
    if ('elsewhere' in place) out.set(place.elsewhere, [...(out.get(place.elsewhere) ?? []), g]);
  }
  return out;
}
