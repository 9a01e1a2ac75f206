/**
 * Fixed wording of the communication to the data subjects (Art. 34), in both languages: short
 * sentences, everyday words, no legal citations in the body (notices.md §2). The builder in
 * subject-notice.ts is written once against this table.
 */

import type { ExposureFacts } from './facts.js';
import { TERMS, type Bilingual } from './terms.js';

type ExposureStatus = NonNullable<ExposureFacts['status']>;
type Recipients = NonNullable<ExposureFacts['recipients']>;

export const SUBJECT_TEXT = {
  title: {
    en: `Notice of a ${TERMS.personalDataBreach.en} at {org}`,
    da: `Underretning om ${TERMS.personalDataBreach.da} hos {org}`,
  },

  // Public variant: who may be affected, and why not one by one
  forWhom: {
    en: 'This notice is for you if you are among these people: {who}.',
    da: 'Denne meddelelse er til dig, hvis du hører til denne gruppe: {who}.',
  },
  periodClosed: { en: 'It concerns the period from {start} to {end}.', da: 'Den gælder perioden fra {start} til {end}.' },
  periodOpen: { en: 'It concerns the time from {start} until now.', da: 'Den gælder tiden fra {start} og frem til nu.' },
  howMany: { en: 'In all, {count} people may be affected.', da: 'I alt kan {count} personer være berørt.' },
  whyPublic: {
    en: 'We are telling you through this public notice because {reason}.',
    da: 'Vi giver besked gennem denne offentlige meddelelse, fordi {reason}.',
  },
  disproportionate: {
    en: 'it would take too great an effort to contact each person one by one',
    da: 'det ville kræve en uforholdsmæssig stor indsats at kontakte hver enkelt',
  },

  // What happened
  startedOn: { en: 'It started on {date}.', da: 'Det begyndte den {date}.' },
  startUnknown: { en: 'We do not yet know when it started.', da: 'Vi ved endnu ikke, hvornår det begyndte.' },
  awareOn: { en: 'We found out about it on {date}.', da: 'Vi fik kendskab til det den {date}.' },
  stillGoing: { en: 'It is still going on.', da: 'Det står stadig på.' },
  stopped: { en: 'It has stopped.', da: 'Det er stoppet.' },
  stoppedOn: { en: 'It stopped on {date}.', da: 'Det stoppede den {date}.' },
  cause: { en: 'Why it happened: {cause}', da: 'Derfor skete det: {cause}' },

  // Information involved
  dataIs: { en: 'This is the information about you that is involved: {data}.', da: 'Det drejer sig om disse oplysninger om dig: {data}.' },
  dataIsNot: { en: 'What is not affected: {data}', da: 'Disse oplysninger er ikke berørt: {data}' },

  // Who may have seen it
  notSeen: {
    en: 'The breach was about information being {what}. It was not about others seeing it.',
    da: 'Bruddet handlede om, at oplysninger {what}. Det handlede ikke om, at andre så dem.',
  },
  lost: { en: 'lost', da: 'gik tabt' },
  changed: { en: 'changed', da: 'blev ændret' },
  seenBy: { en: 'Your information may have been seen by: {who}.', da: 'Dine oplysninger kan være blevet set af: {who}.' },

  // What we have done
  weHaveDone: { en: 'We have done this:', da: 'Vi har gjort følgende:' },
  toLimitHarm: { en: 'To limit the harm to you, we have done this:', da: 'For at begrænse skaden for dig har vi gjort følgende:' },
  toPrevent: { en: 'To stop it from happening again, we will do this:', da: 'For at det ikke sker igen, vil vi gøre følgende:' },
  toldAuthority: {
    en: 'We reported the breach to Datatilsynet, the Danish Data Protection Agency, on {date}.',
    da: 'Vi har anmeldt bruddet til Datatilsynet den {date}.',
  },

  // What you can do
  youCan: { en: 'You can do this:', da: 'Du kan gøre følgende:' },
  noAction: { en: 'You do not need to do anything, because {reason}.', da: 'Du behøver ikke at gøre noget, fordi {reason}.' },

  // Questions
  askDpo: {
    en: `If you have questions, contact our ${TERMS.dpo.en}: {contact}.`,
    da: `Hvis du har spørgsmål, kan du kontakte vores ${TERMS.dpo.da}: {contact}.`,
  },
  signOff: { en: 'Kind regards', da: 'Med venlig hilsen' },
} as const satisfies Record<string, Bilingual>;

/**
 * Who may have seen the data, as the risk questionnaire answered it (assessment.md `recipients`),
 * where the team wrote nothing of its own: no more than the answer says.
 */
export const RECIPIENT_TEXT: Record<Recipients, Bilingual> = {
  trusted: { en: 'a recipient bound to secrecy', da: 'en modtager med tavshedspligt' },
  known: { en: 'a known recipient', da: 'en kendt modtager' },
  unknown: { en: 'unknown people', da: 'ukendte personer' },
  public: { en: 'anyone (the data were public)', da: 'enhver (oplysningerne var offentligt tilgængelige)' },
};

export const EXPOSURE_TEXT: Record<ExposureStatus, Bilingual> = {
  confirmed: { en: 'We know that this has happened.', da: 'Vi ved, at det er sket.' },
  likely: {
    en: 'We think this is likely, but we do not know for sure.',
    da: 'Vi vurderer, at det er sandsynligt, men vi ved det ikke med sikkerhed.',
  },
  unlikely: { en: 'We think this is unlikely.', da: 'Vi vurderer, at det er usandsynligt.' },
  ruled_out: { en: 'We have ruled out that this happened.', da: 'Vi har udelukket, at det er sket.' },
};
