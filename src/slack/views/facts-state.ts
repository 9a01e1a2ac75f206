import { localizedBlockId, type FactsFormField, type FactsFormInput, type LocalizedInput, type TriState } from '../../domain/breach/facts-form.js';
import type { LocalizedField } from '../../domain/breach/recorded-facts.js';
import { LANGUAGES } from '../../domain/language.js';
import { noticeFieldAction } from '../ids.js';
import type { ViewStateValues } from './declare-state.js';

interface ElementState {
  value?: string | null;
  selected_date_time?: number | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }> | null;
}

const TRI: readonly string[] = ['yes', 'no', 'unknown'];

/** Reads the Update facts modal into plain values; empty inputs are null. */
export function readFactsState(values: ViewStateValues): FactsFormInput {
  const el = (f: FactsFormField) => values[f]?.[noticeFieldAction(f)] as ElementState | undefined;
  const str = (f: FactsFormField) => el(f)?.value ?? null;
  const tri = (f: FactsFormField): TriState | null => {
    const v = el(f)?.selected_option?.value ?? null;
    return v !== null && TRI.includes(v) ? (v as TriState) : null;
  };
  /** A localized field's language boxes that the modal has (its drafting languages). */
  const boxes = (f: LocalizedField): LocalizedInput => {
    const out: LocalizedInput = {};
    for (const lang of LANGUAGES) {
      const block = localizedBlockId(f, lang);
      if (values[block]) out[lang] = (values[block]?.[noticeFieldAction(block)] as ElementState | undefined)?.value ?? null;
    }
    return out;
  };
  const origin = el('causeOrigin')?.selected_option?.value;
  return {
    subjectWhatHappened: boxes('subjectWhatHappened'),
    subjectNotAffected: boxes('subjectNotAffected'),
    subjectCause: boxes('subjectCause'),
    subjectConsequences: boxes('subjectConsequences'),
    subjectMeasures: boxes('subjectMeasures'),
    subjectNoActionReason: boxes('subjectNoActionReason'),
    publicNoticeReason: boxes('publicNoticeReason'),
    subjectApology: boxes('subjectApology'),
    title: boxes('title'),
    description: boxes('description'),
    discovery: boxes('discovery'),
    subjectsDescription: boxes('subjectsDescription'),
    subjectsCount: str('subjectsCount'),
    dataDescription: boxes('dataDescription'),
    recordsCount: str('recordsCount'),
    approximate: (el('approximate')?.selected_options ?? [])
      .map((o) => o.value)
      .filter((v): v is 'subjects' | 'records' => v === 'subjects' || v === 'records'),
    exposureWho: boxes('exposureWho'),
    actualConsequences: boxes('actualConsequences'),
    likelyConsequences: boxes('likelyConsequences'),
    causeOrigin: origin === 'internal' || origin === 'external' || origin === 'unknown' ? origin : null,
    causeMalicious: tri('causeMalicious'),
    causeDescription: boxes('causeDescription'),
    measuresBefore: boxes('measuresBefore'),
    measuresTaken: boxes('measuresTaken'),
    measuresProposed: boxes('measuresProposed'),
    mitigation: boxes('mitigation'),
    subjectSteps: boxes('subjectSteps'),
    controller: str('controller'),
    processors: str('processors'),
    policeInformed: tri('policeInformed'),
    policeReference: str('policeReference'),
    otherAuthorities: str('otherAuthorities'),
    crossBorder: tri('crossBorder'),
    crossBorderCountries: str('crossBorderCountries'),
    delayReason: boxes('delayReason'),
    supplementExpectedBy: str('supplementExpectedBy'),
    incidentCategory: el('incidentCategory')?.selected_option?.value ?? null,
    dataUnintelligible: tri('dataUnintelligible'),
    detectedAt: el('detectedAt')?.selected_date_time ?? null,
    endedAt: el('endedAt')?.selected_date_time ?? null,
    reporterName: str('reporterName'),
    reporterFunction: str('reporterFunction'),
    sector: str('sector'),
  };
}
