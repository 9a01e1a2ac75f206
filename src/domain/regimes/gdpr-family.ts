import { DEFAULT_PROCESSOR_HOURS, type RegimeContext, type Applicability, type Stage, type Words } from './types.js';

/*
 * The breach-notification stages that the GDPR (Art. 33 and 34) and the laws copied from it (the UK
 * GDPR) share: the controller tells the authority within a number of hours unless there is no risk,
 * a processor tells its controller without undue delay, and the people affected are told without
 * undue delay when the risk is high. Each regime passes its own hours and words, so a change in one
 * law is a change in that regime's profile only.
 */

export interface GdprFamilyTerms {
  /** How the law is cited: "GDPR", "UK GDPR". */
  law: string;
  /** Art. 33(1): hours from awareness to the authority. */
  authorityHours: number;
  names: { authority: Words; controller: Words; subjects: Words };
}

export function gdprFamilyStages({ law, authorityHours, names }: GdprFamilyTerms): Stage[] {
  const authorityDeadline = { from: 'awareness', within: { kind: 'hours', hours: authorityHours } } as const;
  const withoutUndueDelay = { from: 'awareness', within: { kind: 'undue_delay' } } as const;
  return [
    {
      id: 'authority_notification',
      name: names.authority,
      basis: `Art. 33(1) ${law}`,
      to: 'authority',
      // Joint controllers each carry the controller's duty (Art. 26); a processor tells its controller.
      byRole: { controller: authorityDeadline, joint_controller: authorityDeadline },
      // The clock runs from awareness until the DPO records that no notification is needed.
      onlyIf: { condition: 'risk', whileUndecided: 'runs', ifFalse: 'The DPO decided the breach is unlikely to result in a risk to people.' },
    },
    {
      id: 'controller_notification',
      name: names.controller,
      basis: `Art. 33(2) ${law}`,
      to: 'controller',
      byRole: { processor: { from: 'awareness', within: { kind: 'contract_hours', default: DEFAULT_PROCESSOR_HOURS } } },
    },
    {
      id: 'subject_communication',
      name: names.subjects,
      basis: `Art. 34(1) ${law}`,
      to: 'data_subjects',
      byRole: { controller: withoutUndueDelay, joint_controller: withoutUndueDelay },
      onlyIf: { condition: 'high_risk', whileUndecided: 'waits', ifFalse: `The decision says the risk to people is not high (Art. 34(1) ${law}).` },
    },
  ];
}

/**
 * A personal data breach at an organisation established in `country` (ISO 3166-1 alpha-2): the
 * regime applies unless the reporter said no personal data is involved.
 */
export function personalDataBreachIn(country: { code: string; name: string }, because: string): (context: RegimeContext) => Applicability {
  return ({ settings, answers }) => {
    if (answers.personalData === false) return { applies: false, reason: 'No personal data is involved, so it is not a personal data breach.' };
    if (!settings.establishedIn.includes(country.code)) {
      return { applies: false, reason: `The organisation is not set up as established in ${country.name}.` };
    }
    return { applies: true, reason: `A personal data breach at an organisation established in ${country.name} (${because}).` };
  };
}
