/**
 * The NIS2 drafts (early warning, incident notification, final report) in Danish and English: every
 * point Art. 23(4) of Directive (EU) 2022/2555 asks for is a gap when the team has not recorded it
 * and the recorded text when it has; the Danish drafts are Danish (no English sentence, every fixed
 * word in the Danish dictionary); the heading names the regime, stage, authority, filing route and
 * due time; the points not confirmed about the Danish NIS2 act close every draft.
 */

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/domain/language-check.js';
import type { Language } from '../../../../src/domain/language.js';
import { FIELD_LABELS, placeholder, type FieldKey, type NoticeFacts } from '../../../../src/domain/notices/index.js';
import { placeholderFor } from '../../../../src/domain/notices/placeholders.js';
import {
  clocksFor, draftStage, draftStages, NIS2_DK, NIS2_FIELDS, readNis2Facts, type Nis2Facts, type RecordedStage, type RegimeDraft,
} from '../../../../src/domain/regimes/index.js';
import { NIS2_UNCONFIRMED_DA, type Nis2Field } from '../../../../src/domain/regimes/nis2-dk/notices.js';
import { spellCheckers } from '../../../support/spelling.js';

type Stage = 'early_warning' | 'incident_notification' | 'final_report';
const STAGES: Stage[] = ['early_warning', 'incident_notification', 'final_report'];
const LANGS: Language[] = ['da', 'en'];

// Aware Tuesday 10 March 2026 at 09:00 Copenhagen time (08:00 UTC).
const awareAt = DateTime.fromISO('2026-03-10T08:00:00Z', { zone: 'utc' });
const recorded: RecordedStage[] = [
  { regime: 'nis2-dk', stage: 'early_warning', at: awareAt.plus({ hours: 20 }) }, // 11 March 05:00 CET
  { regime: 'nis2-dk', stage: 'incident_notification', at: awareAt.plus({ hours: 60 }) }, // 12 March 21:00 CET
];
const clocksRecorded = clocksFor({ regimes: [NIS2_DK], awareAt, role: 'controller', recorded, now: awareAt.plus({ hours: 61 }) });
const clocksNone = clocksFor({ regimes: [NIS2_DK], awareAt, role: 'controller', now: awareAt.plus({ hours: 1 }) });

const FACTS_EMPTY: NoticeFacts = { awareAt: awareAt.toISO()! };

const shared: NoticeFacts = {
  ...FACTS_EMPTY,
  organisation: { name: 'Nordlys Forsyning A/S', cvr: '31415926' },
  reporter: { name: 'Mette Holm', email: 'mette.holm@nordlys.example' },
  reference: 'BR-2026-0042',
  startedAt: '2026-03-09T22:00:00Z',
  ongoing: false,
  endedAt: '2026-03-11T06:00:00Z',
  systems: ['SCADA-gateway GW-2'],
  incidentCategory: 'malware',
};

/** Every fact the drafts can use, recorded, in each language's own words. */
const FACTS_FULL: Record<Language, NoticeFacts> = {
  da: {
    ...shared,
    organisation: { ...shared.organisation, sector: 'Energiforsyning' },
    reporter: { ...shared.reporter, function: 'Informationssikkerhedschef' },
    description: 'Ransomware krypterede serverne, der styrer fjernvarmen, og driften blev flyttet til manuel styring i to døgn.',
    cause: { description: 'En medarbejder åbnede et vedhæftet dokument i en falsk mail fra en leverandør.' },
    measuresTaken: ['Serverne blev taget af nettet og genskabt fra sikkerhedskopier'],
    mitigation: ['Vi overvåger netværket døgnet rundt, indtil undersøgelsen er afsluttet'],
  },
  en: {
    ...shared,
    organisation: { ...shared.organisation, sector: 'Energy supply' },
    reporter: { ...shared.reporter, function: 'Head of information security' },
    description: 'Ransomware encrypted the servers that control district heating, and operations ran manually for two days.',
    cause: { description: 'An employee opened an attachment in a fake e-mail from a supplier.' },
    measuresTaken: ['The servers were taken offline and restored from backups'],
    mitigation: ['We monitor the network around the clock until the investigation is closed'],
  },
};

const NIS2_FULL: Nis2Facts = {
  suspectedUnlawful: true,
  crossBorderImpact: true,
  crossBorderDetail: {
    da: 'Varmekunder i Sverige fik ingen varme i seks timer.',
    en: 'Heating customers in Sweden had no heat for six hours.',
  },
  severityAndImpact: {
    da: 'Alvorlig: 12.000 husstande var uden varme i op til seks timer.',
    en: 'Severe: 12,000 households were without heat for up to six hours.',
  },
  indicators: ['185.220.101.4', 'faktura_2026.xlsm'],
};

function draft(stage: Stage, lang: Language, facts: NoticeFacts, nis2: Nis2Facts | null, clocks = clocksRecorded): RegimeDraft {
  const d = draftStage(NIS2_DK, stage, { lang, facts, clocks, ...(nis2 ? { regimeFacts: { 'nis2-dk': nis2 } } : {}) });
  if (!d) throw new Error(`no draft for ${stage}`);
  return d;
}
const full = (stage: Stage, lang: Language) => draft(stage, lang, FACTS_FULL[lang], NIS2_FULL);
const empty = (stage: Stage, lang: Language) => draft(stage, lang, FACTS_EMPTY, null, clocksNone);

const LABELS = { ...FIELD_LABELS, ...NIS2_FIELDS };
const gapOf = (field: FieldKey | Nis2Field, lang: Language) => placeholderFor(LABELS[field], lang);

/**
 * Each point the drafts must give, the stages that give it, and what the draft says when it is
 * recorded (FACTS_FULL, NIS2_FULL, the recorded early warning and notification).
 */
const POINTS: Array<{ field: FieldKey | Nis2Field; stages: Stage[]; shows: Record<Language, string> }> = [
  { field: 'organisation.name', stages: STAGES, shows: { da: '**Enhed:** Nordlys Forsyning A/S', en: '**Entity:** Nordlys Forsyning A/S' } },
  { field: 'organisation.cvr', stages: STAGES, shows: { da: '**CVR-nummer:** 31415926', en: '**CVR number:** 31415926' } },
  { field: 'organisation.sector', stages: STAGES, shows: { da: 'Energiforsyning', en: 'Energy supply' } },
  { field: 'reporter.name', stages: STAGES, shows: { da: 'Mette Holm (Informationssikkerhedschef), mette.holm@nordlys.example', en: 'Mette Holm (Head of information security)' } },
  { field: 'reference', stages: STAGES, shows: { da: '**Vores reference:** BR-2026-0042', en: '**Our reference:** BR-2026-0042' } },
  { field: 'description', stages: STAGES, shows: { da: FACTS_FULL.da.description!, en: FACTS_FULL.en.description! } },
  { field: 'ongoing', stages: STAGES, shows: { da: '**Står stadig på:** Nej.', en: '**Still ongoing:** No.' } },
  { field: 'systems', stages: STAGES, shows: { da: '- SCADA-gateway GW-2', en: '- SCADA-gateway GW-2' } },
  // Art. 23(4)(a), in the early warning and updated in the notification.
  {
    field: 'nis2.suspectedUnlawful',
    stages: ['early_warning', 'incident_notification'],
    shows: { da: 'forårsaget af ulovlige eller ondsindede handlinger:** Ja.', en: 'Suspected of being caused by unlawful or malicious acts:** Yes.' },
  },
  {
    field: 'nis2.crossBorderImpact',
    stages: STAGES,
    shows: { da: `**Kan få virkninger i andre lande:** Ja: ${NIS2_FULL.crossBorderDetail!.da}`, en: `**Could have an impact in other countries:** Yes: ${NIS2_FULL.crossBorderDetail!.en}` },
  },
  // Art. 23(4)(b): the notification updates the early warning, with an initial assessment and the indicators.
  { field: 'nis2.earlyWarningAt', stages: ['incident_notification'], shows: { da: 'vores tidlige varsling af 11. marts 2026 kl. 05.00 dansk tid.', en: 'our early warning of 11 March 2026, 05:00 CET.' } },
  { field: 'nis2.severityAndImpact', stages: ['incident_notification', 'final_report'], shows: { da: NIS2_FULL.severityAndImpact!.da!, en: NIS2_FULL.severityAndImpact!.en! } },
  { field: 'nis2.indicators', stages: ['incident_notification'], shows: { da: '- 185.220.101.4\n- faktura_2026.xlsm', en: '- 185.220.101.4\n- faktura_2026.xlsm' } },
  // Art. 23(4)(d): a detailed description, the threat or root cause, the mitigation, the cross-border impact.
  { field: 'nis2.notificationAt', stages: ['final_report'], shows: { da: 'hændelsesunderretning af 12. marts 2026 kl. 21.00 dansk tid.', en: 'incident notification of 12 March 2026, 21:00 CET.' } },
  { field: 'startedAt', stages: ['final_report'], shows: { da: '**Hændelsen begyndte:** 9. marts 2026 kl. 23.00 dansk tid', en: '**The incident started:** 9 March 2026, 23:00 CET' } },
  { field: 'incidentCategory', stages: ['final_report'], shows: { da: 'ransomware eller anden skadelig software', en: 'ransomware or other malware' } },
  { field: 'cause.description', stages: ['final_report'], shows: { da: FACTS_FULL.da.cause!.description!, en: FACTS_FULL.en.cause!.description! } },
  { field: 'measuresTaken', stages: ['final_report'], shows: { da: FACTS_FULL.da.measuresTaken![0]!, en: FACTS_FULL.en.measuresTaken![0]! } },
  { field: 'mitigation', stages: ['final_report'], shows: { da: FACTS_FULL.da.mitigation![0]!, en: FACTS_FULL.en.mitigation![0]! } },
];

describe('NIS2 drafts: every required point', () => {
  for (const lang of LANGS) {
    for (const stage of STAGES) {
      it(`${stage} (${lang}): a gap for each point not recorded, the recorded text for each point recorded`, () => {
        const none = empty(stage, lang);
        const all = full(stage, lang);
        for (const p of POINTS.filter((x) => x.stages.includes(stage))) {
          expect(none.markdown, `${p.field}: gap`).toContain(gapOf(p.field, lang));
          expect(none.missing.map((m) => m.field), p.field).toContain(p.field);
          expect(all.markdown, `${p.field}: recorded`).toContain(p.shows[lang]);
          expect(all.markdown, `${p.field}: no gap once recorded`).not.toContain(gapOf(p.field, lang));
        }
        expect(all.missing, 'no gaps left when everything is recorded').toEqual([]);
        expect(all.header).toContain(lang === 'da' ? 'Udkast: ingen mangler.' : 'Draft: no gaps left.');
        expect(none.header).toContain(lang === 'da' ? `Udkast: ${none.missingCount} mangler` : `Draft: ${none.missingCount} gaps`);
      });
    }
  }

  it('asks for nothing a stage does not need: the early warning has no indicators or root cause, the final report no indicators', () => {
    for (const lang of LANGS) {
      const ew = empty('early_warning', lang).missing.map((m) => m.field);
      expect(ew).not.toContain('nis2.indicators');
      expect(ew).not.toContain('cause.description');
      expect(ew).not.toContain('startedAt');
      expect(empty('final_report', lang).missing.map((m) => m.field)).not.toContain('nis2.indicators');
    }
  });

  it('says "none available" for indicators recorded as none, and no when there is no suspicion and no impact abroad', () => {
    const facts = { ...FACTS_FULL.da };
    const d = draft('incident_notification', 'da', facts, { ...NIS2_FULL, indicators: [], suspectedUnlawful: false, crossBorderImpact: false });
    expect(d.markdown).toContain('**Kompromitteringsindikatorer:** Der foreligger ingen.');
    expect(d.markdown).toContain('handlinger:** Nej.');
    expect(d.markdown).toContain('**Kan få virkninger i andre lande:** Nej.');
    expect(d.missing).toEqual([]);
  });

  it('takes a recorded deliberate (malicious) cause as the suspicion of a malicious act, and nothing else as an answer', () => {
    const deliberate = draft('early_warning', 'en', { ...FACTS_FULL.en, cause: { malicious: true } }, { ...NIS2_FULL, suspectedUnlawful: null });
    expect(deliberate.markdown).toContain('unlawful or malicious acts:** Yes.');
    const accidental = draft('early_warning', 'en', { ...FACTS_FULL.en, cause: { malicious: false } }, { ...NIS2_FULL, suspectedUnlawful: null });
    expect(accidental.markdown).toContain(gapOf('nis2.suspectedUnlawful', 'en'));
  });

  it('asks which countries, and how, when an impact abroad is recorded without saying where', () => {
    const d = draft('final_report', 'en', FACTS_FULL.en, { ...NIS2_FULL, crossBorderDetail: null });
    expect(d.markdown).toContain(`**Could have an impact in other countries:** Yes: ${gapOf('nis2.crossBorderDetail', 'en')}`);
  });

  it('never puts the other language’s words in a draft: a text written only in English is a Danish gap naming it', () => {
    const d = draft('incident_notification', 'da', FACTS_FULL.da, { ...NIS2_FULL, severityAndImpact: { en: NIS2_FULL.severityAndImpact!.en! } });
    expect(d.markdown).not.toContain(NIS2_FULL.severityAndImpact!.en!);
    expect(d.markdown).toContain('[MANGLER: dansk tekst for "hændelsens alvor og virkninger"]');
    expect(d.missing).toEqual([{ field: 'nis2.severityAndImpact', label: 'dansk tekst for hændelsens alvor og virkninger', translation: true }]);
  });

  it('tells, in the final report, that an incident still ongoing needs a progress report first', () => {
    const d = draft('final_report', 'da', { ...FACTS_FULL.da, ongoing: true, endedAt: null }, NIS2_FULL);
    expect(d.markdown).toContain('**Står stadig på:** Ja.');
    expect(d.markdown).toContain('statusrapport');
    expect(d.markdown).not.toContain('Hændelsen ophørte');
  });

  it('reads the stored NIS2 facts defensively: anything unreadable is not recorded', () => {
    expect(readNis2Facts({ suspectedUnlawful: 'yes', crossBorderImpact: false, severityAndImpact: { da: '  ', xx: 'y', en: 'Severe.' }, indicators: ['a', 3, ' '] })).toEqual({
      suspectedUnlawful: null, crossBorderImpact: false, crossBorderDetail: null, severityAndImpact: { en: 'Severe.' }, indicators: ['a'],
    });
    expect(readNis2Facts(null)).toEqual({ suspectedUnlawful: null, crossBorderImpact: null, crossBorderDetail: null, severityAndImpact: null, indicators: null });
  });
});

describe('NIS2 drafts: heading, due time and what is not confirmed', () => {
  it('heads each draft with the regime, the stage, the authority, where to file and the due time in Danish time', () => {
    const d = empty('early_warning', 'da');
    expect(d.title).toBe('NIS 2-loven: Tidlig varsling');
    expect(d.markdown.split('\n\n').slice(0, 6)).toEqual([
      '# NIS 2-loven: Tidlig varsling',
      `**Udkast: ${d.missingCount} mangler skal udfyldes før afsendelse.**`,
      '**Til:** Den sektoransvarlige myndighed og CSIRT’en via Virk.dk; virk.dk',
      '**Sådan indsendes:** Underretningen sker via virk.dk og sendes automatisk videre til de sektoransvarlige myndigheder og CSIRT’en.',
      '**Frist:** 11. marts 2026 kl. 09.00 dansk tid.',
      '**Retsgrundlag:** direktiv (EU) 2022/2555, artikel 23, stk. 4, litra a',
    ]);
    const en = empty('incident_notification', 'en');
    expect(en.title).toBe('NIS2 (Denmark): Incident notification');
    expect(en.header).toContain('**To:** The sectoral competent authority and the CSIRT, through Virk.dk; virk.dk');
    expect(en.header).toContain('**Due:** 13 March 2026, 09:00 CET.');
  });

  it('gives the final report’s due time as provisional until the notification is recorded, then one month after it', () => {
    expect(empty('final_report', 'en').header).toContain('**Due:** 13 April 2026, 09:00 CEST (provisional: counted from the deadline of the stage it follows until that stage is recorded).');
    expect(full('final_report', 'da').header).toContain('**Frist:** 12. april 2026 kl. 21.00 dansk tid.');
  });

  it('says when a deadline has passed, and when the stage was recorded as filed', () => {
    const late = clocksFor({ regimes: [NIS2_DK], awareAt, role: 'controller', now: awareAt.plus({ hours: 25 }) });
    expect(draft('early_warning', 'da', FACTS_EMPTY, null, late).header).toContain('**Frist:** 11. marts 2026 kl. 09.00 dansk tid. Fristen er overskredet.');
    expect(full('early_warning', 'en').header).toContain('**Recorded as filed:** 11 March 2026, 05:00 CET');
  });

  it('ends every draft with the points not confirmed about the Danish act, in the draft’s language', () => {
    for (const stage of STAGES) {
      const da = empty(stage, 'da');
      const en = empty(stage, 'en');
      expect(da.sections.at(-1)?.heading).toBe('Ikke bekræftet');
      expect(en.sections.at(-1)?.heading).toBe('Not confirmed');
      for (const point of NIS2_UNCONFIRMED_DA) expect(da.sections.at(-1)?.body).toContain(`- ${point}`);
      for (const point of NIS2_DK.unconfirmed) expect(en.sections.at(-1)?.body).toContain(`- ${point}`);
    }
    expect(NIS2_UNCONFIRMED_DA).toHaveLength(NIS2_DK.unconfirmed.length);
  });

  it('drafts the three stages with a report to the authority, and none for the intermediate report or the notice to recipients', () => {
    expect(draftStages(NIS2_DK)).toEqual(STAGES);
    expect(draftStage(NIS2_DK, 'intermediate_report', { lang: 'da', facts: FACTS_EMPTY, clocks: clocksNone })).toBeNull();
  });
});

describe('NIS2 drafts: the Danish text is Danish', () => {
  /** Danish drafts with only fixed text, dates and gaps, and with every yes/no and none answer given: all the fixed wording. */
  const fixedOnly: RegimeDraft[] = STAGES.flatMap((stage) => [
    empty(stage, 'da'),
    draft(stage, 'da', { ...FACTS_EMPTY, ongoing: true }, { suspectedUnlawful: false, crossBorderImpact: true, indicators: [] }, clocksRecorded),
    draft(stage, 'da', { ...FACTS_EMPTY, ongoing: false }, { suspectedUnlawful: true, crossBorderImpact: false }, clocksRecorded),
  ]);

  it('every Danish word of the fixed wording is in the Danish dictionary (or on the checked list of terms)', () => {
    const spell = spellCheckers();
    const unknown = new Map<string, string>();
    for (const d of fixedOnly) for (const w of spell.da.unknown(d.markdown)) unknown.set(w, `${d.stage}`);
    expect(Object.fromEntries(unknown), 'Words that are not Danish (English left in a Danish draft?)').toEqual({});
  });

  it('no sentence of a Danish draft reads as English, with the team’s Danish facts in it too', () => {
    const drafts = [...fixedOnly, ...STAGES.map((s) => full(s, 'da'))];
    const english = drafts.flatMap((d) =>
      d.markdown
        .replace(/\*\*/g, '')
        .split(/\n+|(?<=[.:;])\s+(?=[A-ZÆØÅ])/)
        .filter((sentence) => detectLanguage(sentence) === 'en')
        .map((sentence) => `${d.stage}: ${sentence}`),
    );
    expect(english).toEqual([]);
  });

  it('the English drafts do carry English text (the check above can tell)', () => {
    const english = full('final_report', 'en').markdown.split('\n').filter((line) => detectLanguage(line) === 'en');
    expect(english.length).toBeGreaterThan(5);
  });

  it('a label for every gap in each language', () => {
    for (const label of Object.values(NIS2_FIELDS)) expect(label.da).not.toBe(label.en);
    expect(placeholder('description', 'da')).toBe('[MANGLER: hvad der er sket]');
  });
});
