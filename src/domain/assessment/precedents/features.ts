// The facts a published breach example and a breach are compared on: the ones that decide the
// outcome under the rules (rules.ts), each on a small ordered scale so "how far apart" has a meaning.
import type { AssessmentAnswers, DataType } from '../answers.js';
import { CONTEXT_RAISING_GROUPS, FRAUD_ENABLING, isSpecialOrCriminal } from '../data-categories.js';
import { readFacts, restoredInGoodTime } from '../facts.js';
import type { IncidentCategory } from '../../breach/incident-category.js';

/** Ordered from least to most harmful; each list is a scale. */
export const DATA_CLASSES = ['simple', 'behavioural', 'income', 'fraud', 'special'] as const;
export const SCALES = ['one', 'few', 'hundreds', 'thousands', 'very_many'] as const;
export const REACHES = ['ruled_out', 'trusted', 'known', 'unknown', 'public'] as const;
export const PROTECTIONS = ['intact', 'partial', 'none'] as const;
export const LOSSES = ['brief', 'long', 'permanent'] as const;
export const EFFECTS = ['none', 'minor', 'significant', 'severe'] as const;
/**
 * The kind of incident: what was lost and how. `carrier`: a device or paper carrying the data is
 * out of the organisation's control, lost or stolen (EDPB 01/2021 cases 10-12, WP250 Annex B ex. 1);
 * `systems`: someone got at the data in its systems or online services on purpose, an attack or an
 * insider (cases 04-08); `misdirected`: the data were sent, shown or published to the wrong people
 * by mistake, a flaw included (cases 09, 13-16, WP250 ex. 7); `in_place`: the data were lost, locked or altered where they were and
 * nobody got a copy (cases 01-03). Not a scale: kinds are alike only when the same.
 */
export const KINDS = ['carrier', 'systems', 'misdirected', 'in_place'] as const;

export type DataClass = (typeof DATA_CLASSES)[number];
export type Scale = (typeof SCALES)[number];
export type Reach = (typeof REACHES)[number];
export type ProtectionLevel = (typeof PROTECTIONS)[number];
export type Loss = (typeof LOSSES)[number];
export type Effect = (typeof EFFECTS)[number];
export type IncidentKind = (typeof KINDS)[number];

/**
 * A breach as the comparison sees it. `null` = not stated (a published example that does not say,
 * or a fact that does not apply): such a feature is neither counted as alike nor listed as a difference.
 */
export interface Features {
  processor: boolean;
  /** Data seen or taken (confidentiality). */
  disclosed: boolean;
  /** Data lost, unavailable or altered (availability or integrity). */
  lost: boolean;
  data: DataClass | null;
  /** The kinds of data, for the wording of a difference. */
  dataTypes: readonly DataType[] | null;
  vulnerable: boolean | null;
  scale: Scale | null;
  reach: Reach | null;
  protection: ProtectionLevel | null;
  loss: Loss | null;
  effect: Effect | null;
  malicious: boolean | null;
  /** A recipient bound to secrecy confirmed deleting or returning the data. */
  deletedByTrusted: boolean | null;
  /**
   * Beside a loss, a copy of the data is out of the organisation's control (a stolen device, data
   * exfiltrated) rather than only locked or lost where they were: whether a restore settles it.
   */
  copyOut: boolean | null;
  /**
   * The kinds of incident the breach can be (KINDS): one where the recorded incident category or the
   * answers settle it, more where the answers fit several (a theft of a laptop and an attack that
   * took and destroyed the data are answered alike); null when they say nothing of it.
   */
  kinds: readonly IncidentKind[] | null;
}

/** The most harmful class among kinds of data: Art. 9/10, fraud-enabling, income, behavioural, simple. */
export function dataClass(types: readonly DataType[], opens: readonly DataType[] = []): DataClass {
  const all = types.includes('credentials') ? [...types, ...opens] : types;
  if (all.some(isSpecialOrCriminal)) return 'special';
  if (all.some((t) => FRAUD_ENABLING.has(t))) return 'fraud';
  if (all.includes('income')) return 'income';
  if (all.some((t) => t === 'location' || t === 'behavioural' || t === 'communications')) return 'behavioural';
  return 'simple';
}

export function scaleOf(count: number): Scale {
  if (count <= 1) return 'one';
  if (count < 100) return 'few';
  if (count < 1_000) return 'hundreds';
  if (count < 100_000) return 'thousands';
  return 'very_many';
}

/**
 * The features of a breach from its answers, unknowns read as the assessment reads them; `category`
 * is the kind of incident recorded with the breach (Declare or Update facts), when there is one.
 */
export function featuresOf(a: AssessmentAnswers, category: IncidentCategory | null = null): Features {
  const f = readFacts(a);
  const lost = f.integrity || f.availability;
  const reach: Reach | null = !f.confidentiality
    ? null
    : f.disclosure === 'ruled_out'
      ? 'ruled_out'
      : (f.recipients ?? 'unknown');
  return {
    processor: a.role === 'processor',
    disclosed: f.confidentiality,
    lost,
    data: dataClass(a.dataTypes, a.credentialsGiveAccessTo),
    dataTypes: a.dataTypes,
    vulnerable: a.subjectGroups.some((g) => CONTEXT_RAISING_GROUPS.has(g)),
    // An unknown number is not compared: the reasons already say it was assessed as the worse case.
    scale: a.subjectsCount === null ? null : scaleOf(a.subjectsCount),
    reach,
    protection: !f.confidentiality ? null : !f.intelligible ? 'intact' : f.partialProtection ? 'partial' : 'none',
    loss: !lost ? null : lossOf(a, restoredInGoodTime(f)),
    effect: lost ? a.impactOnPeople : null,
    // Not known: not compared with the precedents (the reasons say it was assessed as on purpose).
    malicious: a.malicious,
    deletedByTrusted: f.confidentiality ? a.recipientDeletedOrReturned && f.recipients === 'trusted' : null,
    copyOut: f.confidentiality && lost ? f.copyOutOfControl : null,
    kinds: kindsOf({ disclosed: f.confidentiality, lost, copyOut: f.copyOutOfControl, reach, malicious: f.malicious }, category),
  };
}

/** What the recorded incident category says of the kind, for a breach in which data were or were not disclosed. */
function kindOfCategory(category: IncidentCategory | null, disclosed: boolean): IncidentKind | null {
  switch (category) {
    case 'lost_or_stolen':
      return 'carrier';
    case 'mis_sent':
    case 'published_by_mistake':
      return 'misdirected';
    case 'malware':
    case 'hacking':
    case 'phishing':
    case 'employee_access':
      return disclosed ? 'systems' : 'in_place';
    case 'system_failure':
      return disclosed ? 'misdirected' : 'in_place';
    default:
      return null;
  }
}

/**
 * The kinds of incident a breach can be. The recorded category settles it; else the answers, as far
 * as they go: no disclosure, or none beyond the organisation's own systems (no copy out), is a loss
 * in place; a loss with a copy out of control is a lost device or paper, or, when deliberate, that
 * or an attack that took and destroyed the data. Nothing done by mistake is an attack: a disclosure
 * by mistake to known people or the public is misdirected; to unknown people, whom the questionnaire
 * names "an attacker, a thief, a finder" (questions.ts `recipients`; data open on the internet are
 * "anyone"), it is a lost device or paper. A deliberate one to unknown people or the public is a
 * theft or an attack, to known people an insider's.
 */
function kindsOf(
  f: { disclosed: boolean; lost: boolean; copyOut: boolean; reach: Reach | null; malicious: boolean },
  category: IncidentCategory | null,
): IncidentKind[] | null {
  const recorded = kindOfCategory(category, f.disclosed);
  if (recorded) return [recorded];
  if (!f.disclosed || (f.lost && !f.copyOut)) return ['in_place'];
  if (f.lost) return f.malicious ? ['carrier', 'systems'] : ['carrier'];
  if (f.malicious) return f.reach === 'unknown' || f.reach === 'public' ? ['carrier', 'systems'] : ['systems'];
  if (f.reach === 'known' || f.reach === 'trusted' || f.reach === 'public') return ['misdirected'];
  return f.reach === 'unknown' ? ['carrier'] : null;
}

function lossOf(a: AssessmentAnswers, inGoodTime: boolean): Loss {
  const forGood = a.unavailability === 'permanent' || a.alteration === 'unrecoverable';
  if (forGood) return 'permanent';
  return inGoodTime ? 'brief' : 'long';
}
