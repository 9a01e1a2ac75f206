/*
 * NIS2 as transposed in Denmark: lov nr. 434 af 6. maj 2025 om foranstaltninger til sikring af et
 * højt cybersikkerhedsniveau ("NIS 2-loven"), in force, with its duty to report significant
 * incidents, from 1 July 2025. The four stages are Art. 23(4) of Directive (EU) 2022/2555; the
 * Danish agency pages confirm them (24 h, 72 h, an intermediate report if asked, a final report
 * within one month) and that every report goes through Virk.dk. What is not confirmed from a primary
 * source is listed in `unconfirmed`, not guessed. Sources: docs/regimes.md.
 */

import { everyRole, type RegimeProfile } from '../types.js';
import { NIS2_DRAFTS, NIS2_UNCONFIRMED_DA } from './notices.js';

export const NIS2_DK: RegimeProfile = {
  id: 'nis2-dk',
  name: { en: 'NIS2 (Denmark)', da: 'NIS 2-loven' },
  zone: 'Europe/Copenhagen',
  authority: {
    name: {
      en: 'The sectoral competent authority and the CSIRT, through Virk.dk',
      da: 'Den sektoransvarlige myndighed og CSIRT’en via Virk.dk',
    },
    contact: { website: 'virk.dk' },
    filing: {
      en: 'The incident reporting form on Virk.dk; the report is forwarded automatically to the sectoral authorities and the CSIRT.',
      da: 'Underretningen sker via virk.dk og sendes automatisk videre til de sektoransvarlige myndigheder og CSIRT’en.',
    },
  },
  languages: ['da', 'en'],
  applies: ({ settings, answers }) => {
    if (!settings.nis2EntityIn.includes('DK')) {
      return { applies: false, reason: 'The organisation is not set up as an essential or important entity under the Danish NIS 2 act.' };
    }
    if (answers.significantIncident === true) return { applies: true, reason: 'A significant incident at a Danish NIS2 entity.' };
    if (answers.significantIncident === false) return { applies: false, reason: 'The reporter said it is not a significant incident.' };
    return {
      applies: 'ask',
      reason: 'We are a NIS2 entity in Denmark; only a significant incident must be reported.',
      question:
        'Is this a significant incident: has it caused, or could it cause, severe disruption of our services or financial loss, or considerable damage to others?',
    };
  },
  ruleSets: [
    {
      version: '2025-07-01',
      effectiveFrom: '2025-07-01',
      basis: 'NIS 2-loven (lov nr. 434 af 6. maj 2025), implementing Directive (EU) 2022/2555 Art. 23',
      threshold: {
        en: 'A significant incident: it has caused or can cause severe operational disruption of the services or financial loss for us, or has affected or can affect others by causing considerable material or non-material damage.',
        da: 'En væsentlig hændelse: den har forårsaget eller kan forårsage alvorlige driftsforstyrrelser af tjenesterne eller økonomiske tab for enheden, eller har påvirket eller kan påvirke andre ved at forårsage betydelig materiel eller immateriel skade.',
      },
      stages: [
        {
          id: 'early_warning',
          name: { en: 'Early warning', da: 'Tidlig varsling' },
          basis: 'Directive (EU) 2022/2555 Art. 23(4)(a)',
          to: 'authority',
          byRole: everyRole({ from: 'awareness', within: { kind: 'hours', hours: 24 } }),
        },
        {
          id: 'incident_notification',
          name: { en: 'Incident notification', da: 'Hændelsesunderretning' },
          basis: 'Directive (EU) 2022/2555 Art. 23(4)(b)',
          to: 'authority',
          byRole: everyRole({ from: 'awareness', within: { kind: 'hours', hours: 72 } }),
        },
        {
          id: 'intermediate_report',
          name: { en: 'Intermediate report (on request)', da: 'Foreløbig rapport (på anmodning)' },
          basis: 'Directive (EU) 2022/2555 Art. 23(4)(c)',
          to: 'authority',
          byRole: everyRole({ from: 'request', within: { kind: 'as_requested' } }),
        },
        {
          id: 'final_report',
          name: { en: 'Final report', da: 'Endelig rapport' },
          basis: 'Directive (EU) 2022/2555 Art. 23(4)(d)',
          to: 'authority',
          // "Not later than one month after the submission of the incident notification."
          byRole: everyRole({ from: 'stage', stage: 'incident_notification', within: { kind: 'months', months: 1 } }),
        },
        {
          id: 'recipient_notification',
          name: { en: 'Notice to the recipients of our services', da: 'Underretning af modtagerne af tjenesterne' },
          basis: 'Directive (EU) 2022/2555 Art. 23(1); NIS 2-loven § 15',
          to: 'service_recipients',
          byRole: everyRole({ from: 'awareness', within: { kind: 'undue_delay' } }),
          onlyIf: {
            condition: 'services_affected',
            whileUndecided: 'waits',
            ifFalse: 'The incident is not likely to adversely affect the provision of our services.',
          },
        },
      ],
    },
  ],
  registerColumns: [
    { header: 'NIS2 early warning (UTC)', stage: 'early_warning', show: 'recorded' },
    { header: 'NIS2 incident notification (UTC)', stage: 'incident_notification', show: 'recorded' },
    { header: 'NIS2 final report due (UTC)', stage: 'final_report', show: 'due' },
    { header: 'NIS2 final report (UTC)', stage: 'final_report', show: 'recorded' },
  ],
  unconfirmed: [
    'Which CSIRT receives the reports: the Danish agencies say "the CSIRT"; that it is the Centre for Cyber Security (CFCS) under Styrelsen for Samfundssikkerhed is said only by secondary sources.',
    'The section of NIS 2-loven that sets the 24 h / 72 h / one-month stages was not read in the act itself; the stages are those of Directive Art. 23(4), which the Danish agency pages repeat.',
    'Entities under the Danish energy, telecom and financial-sector cyber laws are outside NIS 2-loven (§ 1, stk. 2) and report under those laws: not covered here.',
    'Trust service providers (incident notification within 24 h, Art. 23(4) second subparagraph) and an incident still ongoing when the final report is due (a progress report, then the final report within one month of handling it, Art. 23(4)(e)) are not modelled.',
    'Sector rules (bekendtgørelser) and Implementing Regulation (EU) 2024/2690 set when an incident is significant for some sectors; the threshold here is the general one.',
  ],
  unconfirmedIn: { da: NIS2_UNCONFIRMED_DA },
  // The intermediate report is what the authority asks for, and the notice to the recipients of our
  // services is ours to word: no draft for either.
  drafts: NIS2_DRAFTS,
};
