/**
 * What kind of incident it was: the fixed list the EDPB common notification template and
 * Datatilsynet's reporting form ask for (issue 11). One table gives the modal's options and the
 * drafts' wording in both languages.
 */

export const INCIDENT_CATEGORIES = [
  'malware', 'hacking', 'phishing', 'lost_or_stolen', 'mis_sent', 'published_by_mistake',
  'employee_access', 'system_failure', 'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_CATEGORY_LABELS: Readonly<Record<IncidentCategory, { en: string; da: string }>> = {
  malware: { en: 'ransomware or other malware', da: 'ransomware eller anden skadelig software' },
  hacking: { en: 'hacking', da: 'hacking' },
  phishing: { en: 'phishing or social engineering', da: 'phishing eller social manipulation' },
  lost_or_stolen: { en: 'lost or stolen device or paper', da: 'mistet eller stjålet enhed eller papir' },
  mis_sent: { en: 'mis-sent e-mail or post', da: 'fejlsendt e-mail eller post' },
  published_by_mistake: { en: 'published by mistake', da: 'offentliggjort ved en fejl' },
  employee_access: { en: 'unauthorised access by an employee', da: 'en medarbejders uberettigede adgang' },
  system_failure: { en: 'system failure', da: 'systemfejl' },
  other: { en: 'other', da: 'andet' },
};

export const isIncidentCategory = (v: string | null | undefined): v is IncidentCategory =>
  (INCIDENT_CATEGORIES as readonly string[]).includes(v ?? '');
