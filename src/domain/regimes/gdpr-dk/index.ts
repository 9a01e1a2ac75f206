/*
 * GDPR with Datatilsynet: what breachbot has always done (../shared/spec/product.md §4), as a regime.
 * Contact details and the filing route are the ones in ../shared/spec/notices.md §1 (from the seed
 * guide, ../shared/seeds/003_1bc47daabe24893e.txt). Sources: docs/regimes.md.
 */

import { gdprFamilyStages, personalDataBreachIn } from '../gdpr-family.js';
import type { RegimeProfile } from '../types.js';

/** Art. 33(1) GDPR: "where feasible, not later than 72 hours after having become aware of it". */
export const AUTHORITY_HOURS = 72;

export const GDPR_DK: RegimeProfile = {
  id: 'gdpr-dk',
  name: { en: 'GDPR (Denmark)', da: 'Databeskyttelsesforordningen (Danmark)' },
  zone: 'Europe/Copenhagen',
  authority: {
    name: { en: 'Datatilsynet (the Danish Data Protection Agency)', da: 'Datatilsynet' },
    contact: {
      address: 'Carl Jacobsens Vej 35, DK-2500 Valby',
      phone: '+45 33 19 32 00',
      email: 'dt@datatilsynet.dk',
      website: 'www.datatilsynet.dk',
    },
    filing: {
      en: 'The joint online reporting form on Virk ("Indberetning af brud på sikkerhed"); e-mail only when the form cannot be used.',
      da: 'Den fælles digitale blanket på Virk ("Indberetning af brud på sikkerhed"); e-mail kun, hvis blanketten ikke kan bruges.',
    },
  },
  languages: ['da', 'en'],
  applies: personalDataBreachIn({ code: 'DK', name: 'Denmark' }, 'Art. 33 GDPR; Datatilsynet'),
  ruleSets: [
    {
      version: '2018-05-25',
      // The GDPR applies from 25 May 2018 (Art. 99(2)), as does the Danish Data Protection Act.
      effectiveFrom: '2018-05-25',
      basis: 'Regulation (EU) 2016/679 (GDPR) Art. 33 and 34; databeskyttelsesloven',
      threshold: {
        en: 'Notify unless the breach is unlikely to result in a risk to people; tell the people affected when the risk is high.',
        da: 'Anmeld, medmindre bruddet sandsynligvis ikke indebærer en risiko for personer; underret de berørte, når risikoen er høj.',
      },
      stages: gdprFamilyStages({
        law: 'GDPR',
        authorityHours: AUTHORITY_HOURS,
        names: {
          authority: { en: 'Notification to Datatilsynet', da: 'Anmeldelse til Datatilsynet' },
          controller: { en: 'Notification to the controller', da: 'Underretning af den dataansvarlige' },
          subjects: { en: 'Communication to the people affected', da: 'Underretning af de registrerede' },
        },
      }),
    },
  ],
  registerColumns: [
    { header: 'Notification to Datatilsynet due (UTC)', stage: 'authority_notification', show: 'due' },
    { header: 'Notified Datatilsynet (UTC)', stage: 'authority_notification', show: 'recorded' },
    { header: 'Controller told (UTC)', stage: 'controller_notification', show: 'recorded' },
    { header: 'People affected told (UTC)', stage: 'subject_communication', show: 'recorded' },
  ],
  unconfirmed: [],
};
