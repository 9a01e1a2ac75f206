import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/domain/assessment/index.js';
import { renderAssessmentResult, reasonBlocks } from '../../../src/slack/blocks/assessment-result.js';
import { answers } from '../../domain/assessment/fixtures.js';
import { validateBlocks, validateView } from '../../emulator/index.js';
import { ASSESSMENT } from '../../../src/slack/ids.js';
import { scoringModal } from '../../../src/slack/views/assessment-scoring.js';
import type { StoredAssessment } from '../../../src/domain/assessment/stored.js';
import type { Breach } from '../../../src/domain/breach/entity.js';

const NOW = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
const breach = {
  id: 'b1',
  reference: 'BR-2026-0042',
  role: 'controller',
  deadlineAt: NOW.plus({ hours: 60 }).toJSDate(),
  closedAt: null,
} as unknown as Breach;

function stored(over: Partial<StoredAssessment['result']> = {}): StoredAssessment {
  const a = answers({ dataTypes: ['health'], subjectGroups: ['patients'], subjectsCount: 1200, recipients: 'unknown', disclosure: 'likely' });
  return { id: 'a1', breachId: 'b1', version: 1, answers: a, result: { ...assess(a), ...over }, createdBy: 'U1', createdAt: NOW.toJSDate() };
}

describe('the assessment result message', () => {
  it('says the risk, the severity, what to do by when, and why', () => {
    const { text, blocks } = renderAssessmentResult({ breach, assessment: stored(), decision: null, latestVersion: 1, now: NOW, zone: 'Europe/Copenhagen' });
    const all = JSON.stringify(blocks);
    expect(text).toContain('high risk');
    expect(all).toContain('Yes, by <!date^');
    expect(all).toContain('individually');
    expect(all).toContain('health data');
    expect(all).toContain('assessment_accept');
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
  });

  it('shows the closest published example beside the answer, its outcome and how the breach differs', () => {
    const { blocks } = renderAssessmentResult({ breach, assessment: stored(), decision: null, latestVersion: 1, now: NOW, zone: 'UTC' });
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
    const all = JSON.stringify(blocks);
    // Health data of 1,200 patients likely taken by unknown people: the stolen rehabilitation logbook.
    expect(all).toMatch(/\*Closest published example\* \(\d+% alike\): EDPB Guidelines 01\/2021, case No\. 12, a rehabilitation centre's paper logbook/);
    expect(all).toContain('*Its outcome:* notify the authority: yes; tell the people: yes.');
    expect(all).toContain('• Cause: an accident or error here; deliberate in the example.');
    expect(all).toContain('same outcome as the example');
  });

  it('says so when the assessment reaches another outcome than its closest example', () => {
    // A recorded result that disagrees with the example (as an older engine's might).
    const { blocks } = renderAssessmentResult({
      breach,
      assessment: stored({ risk: 'risk', communicateToSubjects: 'no' }),
      decision: null,
      latestVersion: 1,
      now: NOW,
      zone: 'UTC',
    });
    expect(JSON.stringify(blocks)).toContain(':warning: This assessment reaches a different outcome from the example');
  });

  it("puts a processor's breach beside WP250 example 7: the processor tells its controllers", () => {
    const a = answers({ role: 'processor', subjectsCount: null, subjectGroups: ['users'], dataTypes: ['basic_identity', 'contact'], disclosure: null, recipients: 'known' });
    const assessment = { ...stored(), answers: a, result: assess(a) };
    const { blocks } = renderAssessmentResult({ breach: { ...breach, role: 'processor' } as Breach, assessment, decision: null, latestVersion: 1, now: NOW, zone: 'UTC' });
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
    const all = JSON.stringify(blocks);
    expect(all).toContain('WP250 rev.01, Annex B, example 7');
    expect(all).toContain('*Its outcome:* the processor tells its controllers without undue delay, and each controller assesses the risk.');
    expect(all).toContain('same outcome as the example');
  });

  it('offers no buttons once superseded by a newer version', () => {
    const { blocks } = renderAssessmentResult({ breach, assessment: stored(), decision: null, latestVersion: 2, now: NOW, zone: 'UTC' });
    expect(JSON.stringify(blocks)).not.toContain('assessment_accept');
    expect(JSON.stringify(blocks)).toContain('Superseded by assessment v2');
  });

  it('clips very long or very many reasons to fit Block Kit, escaping them', () => {
    const reasons = Array.from({ length: 40 }, (_, i) => `Reason ${i} <!channel> & ${'x'.repeat(2500)}`);
    const { blocks } = renderAssessmentResult({ breach, assessment: stored({ reasons }), decision: null, latestVersion: 1, now: NOW, zone: 'UTC' });
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('more in the register export');
    const textChars = blocks.reduce((n, b) => n + JSON.stringify(b).length, 0);
    expect(textChars).toBeLessThan(11_000);
    expect(reasonBlocks([])).toHaveLength(1);
  });
});

describe('how the result was scored', () => {
  it('leads with the decision and plain reasons; the ENISA arithmetic only behind one "How this was scored" line', () => {
    const a = stored();
    const { blocks } = renderAssessmentResult({ breach, assessment: a, decision: null, latestVersion: 1, now: NOW, zone: 'UTC' });
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
    const all = JSON.stringify(blocks);
    expect(a.result.reasons.some((r) => /DPC \d/.test(r))).toBe(true);
    expect(all).not.toMatch(/DPC|EI \d|CB \d/);
    expect(all.match(/How this was scored/g)).toHaveLength(1);
    const line = blocks.find((b) => b.block_id === 'assessment_scoring') as { text: { text: string }; accessory: { action_id: string; value: string } };
    expect(line.text.text).toMatch(/^\*How this was scored:\* the GDPR rules in the reasons come first; .* \(here: (high|very high), \d/);
    expect(line.accessory).toMatchObject({ action_id: ASSESSMENT.scoring, value: a.id });
    // The decision comes before the scoring line, the reasons too.
    const index = (id: string) => blocks.findIndex((b) => JSON.stringify(b).includes(id));
    expect(index('Notify Datatilsynet')).toBeLessThan(index('How this was scored'));
    expect(index('*Why*')).toBeLessThan(index('How this was scored'));
  });

  it('shows the breakdown in a modal: the formula, this breach\'s terms, and what they mean', () => {
    const a = stored();
    const view = scoringModal('BR-2026-0042 <x>', a);
    expect(() => validateView(JSON.parse(JSON.stringify(view)), 'modal', '/view')).not.toThrow();
    const all = JSON.stringify(view.blocks);
    const s = a.result.severity;
    expect(all).toContain(`DPC ${s.dpc} × EI ${s.ei} + CB ${s.cb} = ${s.score}`);
    expect(all).toContain('ENISA severity ');
    expect(all).toContain('BR-2026-0042 &lt;x&gt;');
    expect(all).toMatch(/data processing context.*ease of identification.*circumstances of the breach/);
  });
});
