/*
 * UK GDPR with the ICO (Information Commissioner's Office): the same 72 hours as the GDPR, reported
 * through the ICO's online form. The ICO's own pages confirm the deadline, the form's first part and
 * what to have ready; the rest of the form's headings are not confirmed (see `form.note`). Sources:
 * docs/regimes.md.
 */

import { gdprFamilyStages, personalDataBreachIn } from '../gdpr-family.js';
import type { RegimeProfile } from '../types.js';
import { UK_GDPR_DRAFTS } from './notices.js';

/**
 * Art. 33(1) UK GDPR. Its own number, not the GDPR's: the two laws change separately, and a change to
 * one (the EU's Digital Omnibus proposal, if adopted, would give the GDPR 96 hours) is no change to
 * the other.
 */
const ICO_HOURS = 72;

export const UK_GDPR: RegimeProfile = {
  id: 'uk-gdpr',
  name: { en: 'UK GDPR' },
  zone: 'Europe/London',
  authority: {
    name: { en: "The ICO (Information Commissioner's Office)" },
    contact: { phone: '0303 123 1113', website: 'ico.org.uk' },
    filing: {
      en: 'The "Report a personal data breach" online form on ico.org.uk (it cannot be saved half-way; more may be sent by e-mail afterwards). The helpline can advise whether a breach meets the threshold.',
    },
    form: {
      name: 'Report a personal data breach (online form)',
      sections: [
        'Part one of six: About your report',
        'Before you start: details of the breach (overview, when it happened, when you found out)',
        'Before you start: details of staff members (anyone involved, their data protection training)',
        'Before you start: details of the data and people affected (how much, how many, the possible risk to them)',
        'Before you start: your efforts to contain the breach (measures before, actions since, other organisations told)',
      ],
      note: 'The form has six parts; only the first part\'s heading and the "before you start" list are confirmed from ico.org.uk. Parts two to six are not.',
    },
  },
  languages: ['en'],
  applies: personalDataBreachIn({ code: 'GB', name: 'the United Kingdom' }, 'UK GDPR Art. 33; the ICO'),
  ruleSets: [
    {
      version: '2018-05-25',
      // The GDPR as it applied in the UK with the Data Protection Act 2018, then from 1 January 2021
      // the UK GDPR: the same 72 hours and the same high-risk test throughout.
      effectiveFrom: '2018-05-25',
      basis: 'UK GDPR Art. 33 and 34; Data Protection Act 2018',
      threshold: {
        en: 'Report unless the breach is unlikely to result in a risk to people; tell the people affected when the risk is high.',
      },
      stages: gdprFamilyStages({
        law: 'UK GDPR',
        authorityHours: ICO_HOURS,
        names: {
          authority: { en: 'Report to the ICO' },
          controller: { en: 'Notification to the controller' },
          subjects: { en: 'Communication to the people affected' },
        },
      }),
    },
  ],
  registerColumns: [
    { header: 'Report to the ICO due (UTC)', stage: 'authority_notification', show: 'due' },
    { header: 'Reported to the ICO (UTC)', stage: 'authority_notification', show: 'recorded' },
  ],
  unconfirmed: [
    'UK GDPR Art. 3(2) (an organisation outside the UK offering goods or services to, or monitoring, people in the UK) is not asked about: only a UK establishment selects this regime.',
    'Parts two to six of the ICO form are not confirmed (see the form note).',
  ],
  // The report to the ICO; the notice to the controller and to the people affected are the GDPR
  // notices' (src/domain/notices), not yet worded for the UK.
  drafts: UK_GDPR_DRAFTS,
};
