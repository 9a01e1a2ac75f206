/**
 * Titles and code names travel further than the breach channel (topics, lists, the Home tab,
 * channel names), so they must not carry personal data. This spots the obvious kinds; a person
 * decides whether a finding is real.
 */
export interface PersonalDataFinding {
  kind: 'email' | 'cpr' | 'phone';
  /** Plain-language name for the message shown at the field. */
  label: string;
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Danish CPR number: DDMMYY-SSSS or DDMMYYSSSS, with a real day and month.
const CPR = /(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?!\d)/g;
// Phone numbers: +45 and 8 digits, or 8+ digits written with the usual separators.
const PHONE = /(?<![\w-])(?:\+\d{1,3}[ -]?)?(?:\d[ -]?){8,}(?![\w-])/;

export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  if (EMAIL.test(text)) findings.push({ kind: 'email', label: 'an e-mail address' });
  const cpr = [...text.matchAll(CPR)].some(([, dd, mm]) => {
    const d = Number(dd);
    const m = Number(mm);
    return d >= 1 && d <= 31 && m >= 1 && m <= 12;
  });
  if (cpr) findings.push({ kind: 'cpr', label: 'a CPR number' });
  else if (PHONE.test(text) && !/\b(?:19|20)\d{2}\b/.test(text.match(PHONE)?.[0] ?? ''))
    findings.push({ kind: 'phone', label: 'a phone number' });
  return findings;
}
