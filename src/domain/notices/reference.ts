/**
 * Fixed reference text: the only content of a draft that does not come from NoticeFacts. Contact
 * details are Datatilsynet's as given in notices.md (from the seed guide); nothing here is about a
 * particular breach.
 */

import type { Bilingual } from './terms.js';

export const DATATILSYNET = {
  name: { en: 'Datatilsynet (the Danish Data Protection Agency)', da: 'Datatilsynet' } as Bilingual,
  address: 'Carl Jacobsens Vej 35, DK-2500 Valby',
  phone: '+45 33 19 32 00',
  email: 'dt@datatilsynet.dk',
  website: 'www.datatilsynet.dk',
} as const;

export const SUBMISSION_ROUTE: Bilingual = {
  en: 'Submit through the joint online reporting form on Virk ("Indberetning af brud på sikkerhed"); use e-mail only when the form cannot be used.',
  da: 'Anmeldelsen indgives via den fælles digitale blanket på Virk ("Indberetning af brud på sikkerhed"); brug kun e-mail, hvis blanketten ikke kan bruges.',
};

export const LEGAL = {
  art33_1: { en: 'Art. 33(1) GDPR', da: 'databeskyttelsesforordningens art. 33, stk. 1' },
  art33_2: { en: 'Art. 33(2) GDPR', da: 'databeskyttelsesforordningens art. 33, stk. 2' },
  art33_4: { en: 'Art. 33(4) GDPR', da: 'databeskyttelsesforordningens art. 33, stk. 4' },
  art34_3c: { en: 'Art. 34(3)(c) GDPR', da: 'databeskyttelsesforordningens art. 34, stk. 3, litra c' },
  art9_10: { en: 'Art. 9 or 10 GDPR', da: 'databeskyttelsesforordningens art. 9 eller 10' },
  /** The same articles of UK GDPR, for the report to the ICO (English only: the ICO reads English). */
  art9_10Uk: { en: 'Art. 9 or 10 UK GDPR', da: 'UK GDPR art. 9 eller 10' },
} as const satisfies Record<string, Bilingual>;

/** The method behind the severity score, named so the authority can check it. */
export const ENISA_METHOD: Bilingual = {
  en: 'ENISA methodology for assessing the severity of personal data breaches (2013): SE = DPC × EI + CB',
  da: 'ENISA-metoden til vurdering af alvoren af brud på persondatasikkerheden (2013): SE = DPC × EI + CB',
};

/**
 * Standard self-help steps, shown in the data-subject notice only when the recorded data types call
 * for them (notices.md §2 item 7). Advice, not facts about the breach.
 */
export const SELF_HELP = {
  national_id: [
    {
      en: 'You can ask for a credit warning (kreditadvarsel) on borger.dk. It makes it harder for others to borrow money in your name.',
      da: 'Du kan få en kreditadvarsel via borger.dk. Den gør det sværere for andre at låne penge i dit navn.',
    },
    {
      en: 'If you think someone is using your identity, call the identity theft hotline. You find it on sikkerdigital.dk.',
      da: 'Hvis du tror, at nogen misbruger din identitet, så ring til hotlinen for identitetstyveri. Du finder den på sikkerdigital.dk.',
    },
  ],
  credentials: [
    {
      en: 'Change your password. Also change it on other sites where you use the same password.',
      da: 'Skift din adgangskode. Skift den også på andre sider, hvor du bruger den samme adgangskode.',
    },
  ],
  contact: [
    {
      en: 'Be careful with e-mails, text messages and calls that ask for your password or payment details.',
      da: 'Vær på vagt over for e-mails, sms\'er og opkald, der beder om din adgangskode eller dine betalingsoplysninger.',
    },
  ],
  payment_card: [
    {
      en: 'Check your card statements. Contact your bank at once if you see a payment you do not know.',
      da: 'Hold øje med dine kortudtog. Kontakt din bank med det samme, hvis du ser en betaling, du ikke kender.',
    },
  ],
} as const satisfies Record<string, readonly Bilingual[]>;

export const COMPLAINT_TO_AUTHORITY: Bilingual = {
  en: `You can also complain to Datatilsynet, the Danish Data Protection Agency (${DATATILSYNET.website}).`,
  da: `Du kan også klage til Datatilsynet (${DATATILSYNET.website}).`,
};
