// "The precedent beside the answer" (issue 11): the published example closest to a breach, its
// outcome, and how this breach differs, so a DPO can check the answer instead of trusting it.
// Pure: the same answers always give the same example.
import type { AssessmentAnswers } from '../answers.js';
import { DATA_TYPE_LABELS } from '../labels.js';
import { joinAnd } from '../phrases.js';
import type { AssessmentResult } from '../result.js';
import type { IncidentCategory } from '../../breach/incident-category.js';
import { PRECEDENTS, type Precedent } from './catalogue.js';
import {
  type DataClass,
  DATA_CLASSES,
  EFFECTS,
  type Features,
  featuresOf,
  type IncidentKind,
  LOSSES,
  PROTECTIONS,
  REACHES,
  SCALES,
} from './features.js';

export interface PrecedentMatch {
  precedent: Precedent;
  /** 0..1: the weighted share of the compared facts that are alike. */
  similarity: number;
  /** "Who got the data: known recipients here; unknown people in the example.", most decisive first. */
  differences: string[];
  /** The example reached the same decision as this result; null when it leaves it open ("depends"). */
  sameOutcome: boolean | null;
}

const MAX_DIFFERENCES = 4;

/** How a fact reads, for "here" and "in the example". */
type Describe<V> = (v: V, f: Features) => string;

interface Dimension<V> {
  label: string;
  /** How much the fact weighs in the outcome under the rules (rules.ts). */
  weight: number;
  /** The fact applies to the breach (a loss has no recipients). */
  applies: (f: Features) => boolean;
  value: (f: Features) => V | null;
  /** 1 alike .. 0 far apart. */
  similarity: (a: V, b: V) => number;
  describe: Describe<V>;
}

/** Forgets a dimension's value type, so dimensions of different types fit in one list. */
function dim<V>(d: Dimension<V>): Dimension<unknown> {
  return d as unknown as Dimension<unknown>;
}

/**
 * Alike to the degree two values are close on their scale: values half the scale apart or more
 * have nothing in common (on the five-step scales, neighbours are half alike).
 */
const ordinal =
  <V>(scale: readonly V[]) =>
  (a: V, b: V): number =>
    1 - Math.min(1, Math.abs(scale.indexOf(a) - scale.indexOf(b)) / Math.max(1, (scale.length - 1) / 2));
const same = <V>(a: V, b: V): number => (a === b ? 1 : 0);

/** When a fact applies: to every breach, to a disclosure, to a loss, or to a disclosure beside a loss. */
type Applies = (f: Features) => boolean;
const always: Applies = () => true;
const disclosed: Applies = (f) => f.disclosed;
const lost: Applies = (f) => f.lost;
const disclosedAndLost: Applies = (f) => f.disclosed && f.lost;

/** A fact on one of the ordered scales (features.ts), read in the words of `table`. */
function scaled<V extends string>(
  label: string,
  weight: number,
  applies: Applies,
  value: (f: Features) => V | null,
  scale: readonly V[],
  table: Record<V, string>,
): Dimension<unknown> {
  return dim<V>({ label, weight, applies, value, similarity: ordinal(scale), describe: (v) => table[v] });
}

/** A yes-or-no fact, alike only when equal. */
function flag(
  label: string,
  weight: number,
  applies: Applies,
  value: (f: Features) => boolean | null,
  [yes, no]: readonly [string, string],
): Dimension<unknown> {
  return dim<boolean>({ label, weight, applies, value, similarity: same, describe: (v) => (v ? yes : no) });
}

const CLASS_WORDS: Record<DataClass, string> = {
  simple: 'ordinary data',
  behavioural: 'data on behaviour or whereabouts',
  income: 'income data',
  fraud: 'fraud-enabling data',
  special: 'special-category data',
};

function describeData(c: DataClass, f: Features): string {
  const types = f.dataTypes ?? [];
  if (types.length === 0) return CLASS_WORDS[c];
  const labels = types.slice(0, 3).map((t) => DATA_TYPE_LABELS[t]);
  if (types.length > 3) labels.push('more');
  return `${CLASS_WORDS[c]} (${joinAnd(labels)})`;
}

function whatHappened(f: Features): string {
  if (f.disclosed && f.lost) return 'data seen or taken, and lost or altered';
  return f.disclosed ? 'data seen or taken' : 'data lost, unavailable or altered';
}

const KIND_WORDS: Record<IncidentKind, string> = {
  carrier: 'a device or paper lost or stolen',
  systems: 'someone getting at the data in the systems on purpose',
  misdirected: 'data sent, shown or published to the wrong people by mistake',
  in_place: 'data lost or altered where they were, with no copy out',
};

/**
 * The facts compared, each weighted by how much it weighs in the outcome under the rules (rules.ts).
 * The kind of incident weighs most: it decides which of the other facts an example can speak to (a
 * lost laptop and a credential stuffing attack share data, recipients and encryption, not what
 * happened to the data; EDPB 01/2021 groups its cases by it).
 */
const DIMENSIONS: ReadonlyArray<Dimension<unknown>> = [
  dim<readonly IncidentKind[]>({
    label: 'Kind of incident',
    weight: 4,
    applies: always,
    value: (f) => f.kinds,
    // Alike when the kinds the two can be meet: a theft answered like an attack meets either.
    similarity: (a, b) => (a.some((k) => b.includes(k)) ? 1 : 0),
    describe: (v) => v.map((k) => KIND_WORDS[k]).join(', or '),
  }),
  flag('Role', 3, always, (f) => f.processor, ['a processor (the controller decides)', 'the controller deciding']),
  dim({
    label: 'What happened',
    weight: 3,
    applies: always,
    value: (f) => `${f.disclosed}/${f.lost}`,
    similarity: (a: string, b: string) => {
      const [ad, al] = a.split('/');
      const [bd, bl] = b.split('/');
      return ((ad === bd ? 1 : 0) + (al === bl ? 1 : 0)) / 2;
    },
    describe: (_: string, f) => whatHappened(f),
  }),
  dim({ label: 'Data', weight: 3, applies: always, value: (f) => f.data, similarity: ordinal(DATA_CLASSES), describe: describeData }),
  scaled('Encryption', 2.5, disclosed, (f) => f.protection, PROTECTIONS, {
    intact: 'intact (key safe)',
    partial: 'covering only some of the data',
    none: 'none, or not intact',
  }),
  scaled('Who got the data', 2.5, disclosed, (f) => f.reach, REACHES, {
    ruled_out: 'nobody (ruled out)',
    trusted: 'a recipient bound to secrecy',
    known: 'known recipients',
    unknown: 'unknown people',
    public: 'anyone (made public)',
  }),
  // Beside a loss undone in good time, this alone decides whether the restore settles it (rules.ts, rule 4a).
  flag('A copy of the data', 2.5, disclosedAndLost, (f) => f.copyOut, [
    "out of the organisation's control",
    "never out of the organisation's control",
  ]),
  scaled('The loss', 2, lost, (f) => f.loss, LOSSES, { brief: 'undone in good time', long: 'lasting a day or more', permanent: 'for good' }),
  scaled('Effect on people', 1.5, lost, (f) => f.effect, EFFECTS, { none: 'none', minor: 'minor', significant: 'significant', severe: 'severe' }),
  scaled('People affected', 1.5, always, (f) => f.scale, SCALES, {
    one: 'one person',
    few: 'fewer than 100',
    hundreds: 'hundreds',
    thousands: 'thousands',
    very_many: 'over 100,000',
  }),
  // It alone decides (EDPB 01/2021 case 09).
  flag('Deletion', 3, disclosed, (f) => f.deletedByTrusted, [
    'confirmed by a recipient bound to secrecy',
    'not confirmed by a recipient bound to secrecy',
  ]),
  flag('Vulnerable people, patients or children', 1, always, (f) => f.vulnerable, ['among them', 'not among them']),
  flag('Cause', 1, always, (f) => f.malicious, ['deliberate', 'an accident or error']),
];

/** A fact stated on one side only counts as half alike: it neither confirms nor contradicts. */
const NOT_STATED = 0.5;

interface Compared {
  similarity: number;
  differences: Array<{ text: string; weight: number }>;
}

function compare(here: Features, there: Features): Compared {
  let total = 0;
  let alike = 0;
  const differences: Compared['differences'] = [];
  for (const d of DIMENSIONS) {
    // A fact that applies to neither breach says nothing; to one only, "What happened" covers it.
    if (!d.applies(here) || !d.applies(there)) continue;
    const a = d.value(here);
    const b = d.value(there);
    total += d.weight;
    if (a === null || b === null) {
      alike += d.weight * NOT_STATED;
      continue;
    }
    const s = d.similarity(a, b);
    alike += d.weight * s;
    if (s < 1) {
      const text = `${d.label}: ${d.describe(a, here)} here; ${d.describe(b, there)} in the example.`;
      differences.push({ text, weight: d.weight * (1 - s) });
    }
  }
  return { similarity: total === 0 ? 0 : alike / total, differences };
}

/**
 * The published example closest to these answers (the catalogue's order breaks ties); `category` is
 * the kind of incident recorded with the breach, which tells a stolen laptop from an attack where
 * the answers cannot.
 */
export function closestPrecedent(answers: AssessmentAnswers, result: AssessmentResult, category: IncidentCategory | null = null): PrecedentMatch {
  const here = featuresOf(answers, category);
  let best: { precedent: Precedent; compared: Compared } | null = null;
  for (const precedent of PRECEDENTS) {
    const compared = compare(here, precedent.features);
    if (best === null || compared.similarity > best.compared.similarity + 1e-9) best = { precedent, compared };
  }
  const { precedent, compared } = best!;
  const differences = [...compared.differences]
    .sort((x, y) => y.weight - x.weight)
    .slice(0, MAX_DIFFERENCES)
    .map((d) => d.text);
  return { precedent, similarity: compared.similarity, differences, sameOutcome: sameOutcome(precedent, result) };
}

function sameOutcome(p: Precedent, r: AssessmentResult): boolean | null {
  if (r.notifyController) return p.authority === 'controller_decides';
  if (p.authority === 'controller_decides') return false;
  const authority = (p.authority === 'yes') === r.notifyAuthority;
  if (!authority) return false;
  if (p.subjects === 'depends') return null;
  return (p.subjects === 'yes') === (r.communicateToSubjects !== 'no');
}
