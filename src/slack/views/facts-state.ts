import type { FactsFormField, FactsFormInput, TriState } from '../../domain/breach/facts-form.js';
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
  const origin = el('causeOrigin')?.selected_option?.value;
  return {
    subjectsDescription: str('subjectsDescription'),
    subjectsCount: str('subjectsCount'),
    dataDescription: str('dataDescription'),
    recordsCount: str('recordsCount'),
    approximate: (el('approximate')?.selected_options ?? [])
      .map((o) => o.value)
      .filter((v): v is 'subjects' | 'records' => v === 'subjects' || v === 'records'),
    exposureWho: str('exposureWho'),
    actualConsequences: str('actualConsequences'),
    likelyConsequences: str('likelyConsequences'),
    causeOrigin: origin === 'internal' || origin === 'external' || origin === 'unknown' ? origin : null,
    causeMalicious: tri('causeMalicious'),
    causeDescription: str('causeDescription'),
    measuresBefore: str('measuresBefore'),
    measuresTaken: str('measuresTaken'),
    measuresProposed: str('measuresProposed'),
    mitigation: str('mitigation'),
    subjectSteps: str('subjectSteps'),
    controller: str('controller'),
    processors: str('processors'),
    policeInformed: tri('policeInformed'),
    policeReference: str('policeReference'),
    otherAuthorities: str('otherAuthorities'),
    crossBorder: tri('crossBorder'),
    crossBorderCountries: str('crossBorderCountries'),
    delayReason: str('delayReason'),
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
