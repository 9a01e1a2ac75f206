// "The precedent beside the answer" (issue 11): the published example closest to a breach, its
// outcome, and how this breach differs, so a DPO can check the answer instead of trusting it.
// Pure: the same answers always give the same example.
import type { AssessmentAnswers } from '../answers.js';
import { DATA_TYPE_LABELS } from '../labels.js';
import { joinAnd } from '../phrases.js';
import type { AssessmentResult } from '../result.js';
import { PRECEDENTS, type Precedent } from './catalogue.js';
import {
  type DataClass,
  DATA_CLASSES,
  EFFECTS,
  type Features,
  featuresOf,
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
const always = () => true;
const words =
  <V extends string>(table: Record<V, string>): Describe<V> =>
  (v) =>
    table[v];

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

const DIMENSIONS: ReadonlyArray<Dimension<unknown>> = [
  dim({
    label: 'Role',
    weight: 3,
    applies: always,
    value: (f) => f.processor,
    similarity: same,
    describe: (v: boolean) => (v ? 'a processor (the controller decides)' : 'the controller deciding'),
  }),
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
  dim({
    label: 'Data',
    weight: 3,
    applies: always,
    value: (f) => f.data,
    similarity: ordinal(DATA_CLASSES),
    describe: describeData,
  }),
  dim({
    label: 'Encryption',
    weight: 2.5,
    applies: (f) => f.disclosed,
    value: (f) => f.protection,
    similarity: ordinal(PROTECTIONS),
    describe: words({ intact: 'intact (key safe)', partial: 'covering only some of the data', none: 'none, or not intact' }),
  }),
  dim({
    label: 'Who got the data',
    weight: 2.5,
    applies: (f) => f.disclosed,
    value: (f) => f.reach,
    similarity: ordinal(REACHES),
    describe: words({
      ruled_out: 'nobody (ruled out)',
      trusted: 'a recipient bound to secrecy',
      known: 'known recipients',
      unknown: 'unknown people',
      public: 'anyone (made public)',
    }),
  }),
  dim({
    label: 'The loss',
    weight: 2,
    applies: (f) => f.lost,
    value: (f) => f.loss,
    similarity: ordinal(LOSSES),
    describe: words({ brief: 'undone in good time', long: 'lasting a day or more', permanent: 'for good' }),
  }),
  dim({
    label: 'Effect on people',
    weight: 1.5,
    applies: (f) => f.lost,
    value: (f) => f.effect,
    similarity: ordinal(EFFECTS),
    describe: words({ none: 'none', minor: 'minor', significant: 'significant', severe: 'severe' }),
  }),
  dim({
    label: 'People affected',
    weight: 1.5,
    applies: always,
    value: (f) => f.scale,
    similarity: ordinal(SCALES),
    describe: words({
      one: 'one person',
      few: 'fewer than 100',
      hundreds: 'hundreds',
      thousands: 'thousands',
      very_many: 'over 100,000',
    }),
  }),
  dim({
    label: 'Deletion',
    weight: 3, // it alone decides (EDPB 01/2021 case 09)
    applies: (f) => f.disclosed,
    value: (f) => f.deletedByTrusted,
    similarity: same,
    describe: (v: boolean) => (v ? 'confirmed by a recipient bound to secrecy' : 'not confirmed by a recipient bound to secrecy'),
  }),
  dim({
    label: 'Vulnerable people, patients or children',
    weight: 1,
    applies: always,
    value: (f) => f.vulnerable,
    similarity: same,
    describe: (v: boolean) => (v ? 'among them' : 'not among them'),
  }),
  dim({
    label: 'Cause',
    weight: 1,
    applies: always,
    value: (f) => f.malicious,
    similarity: same,
    describe: (v: boolean) => (v ? 'deliberate' : 'an accident or error'),
  }),
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

/** The published example closest to these answers (the catalogue's order breaks ties). */
export function closestPrecedent(answers: AssessmentAnswers, result: AssessmentResult): PrecedentMatch {
  const here = featuresOf(answers);
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
