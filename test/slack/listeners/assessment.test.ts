import { expect, it } from 'vitest';
import { ASSESSMENT } from '../../../src/slack/ids.js';
import {
  askedFields,
  assessByCard,
  assessByCommand,
  cardShowing,
  declareForAssessment,
  HEALTH_LEAK_STEP1,
  resultMessage,
  SHORT_OUTAGE_STEP1,
  submitStep,
  useDatabase,
} from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { forge } from '../../support/card.js';

/** The "Step N of M" heading of a questionnaire step. */
const stepHeading = (view: { blocks: Array<Record<string, unknown>> }) => JSON.stringify(view.blocks[0]).match(/Step \d of \d: [a-z ,]+/)?.[0];
const submitLabel = (view: { submit?: unknown }) => (view.submit as { text?: string } | undefined)?.text;

describeOnOneDatabase('risk questionnaire', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  const db = useDatabase(t);

  it('walks three steps with an error at the field and Back, then posts the result and updates the card', async () => {
    const breach = await declareForAssessment(t, 'Patient letters emailed to a wrong distribution list');
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    // The role comes from the declaration; confidentiality-only questions are not asked yet.
    // Nothing is known yet, so every conditional step may follow.
    expect(stepHeading(view)).toBe('Step 1 of 4: what happened, and to whom');
    expect(submitLabel(view)).toBe('Next');
    expect(askedFields(view)).toEqual([
      'role', 'breachTypes', 'dataTypes', 'subjectGroups', 'subjectsCount', 'recordsCount', 'identifiability', 'publiclyAvailableBefore', 'malicious',
    ]);

    const bad = await submitStep(t, user, view.id, { ...HEALTH_LEAK_STEP1, subjectsCount: 'lots of them' });
    expect(bad.responseAction).toBe('errors');
    expect(bad.errors).toEqual({ subjectsCount: expect.stringMatching(/Enter a number/) });

    const step2 = await submitStep(t, user, view.id, { subjectsCount: '1,200' });
    expect(step2.responseAction).toBe('update');
    expect(t.slack.openViews(user)).toHaveLength(1);
    expect(askedFields(step2.view!)).toEqual(['disclosure', 'recipients', 'physicalDanger', 'protection']);
    expect(stepHeading(step2.view!)).toBe('Step 2 of 4: the details');
    expect(submitLabel(step2.view!)).toBe('Next');
    expect(JSON.stringify(step2.view!.blocks)).toContain('← Back to step 1');

    const step3 = await submitStep(t, user, view.id, { disclosure: 'likely', recipients: 'unknown', physicalDanger: 'false', protection: 'none' });
    expect(step3.responseAction).toBe('update');
    expect(askedFields(step3.view!)).toEqual(['measuresRemoveHighRisk', 'individualContactDisproportionate']);
    expect(JSON.stringify(step3.view!.blocks)).toContain('*high risk*');
    // No follow-up about encryption or a trusted recipient: the count drops to 3, and this is the last.
    expect(stepHeading(step3.view!)).toBe('Step 3 of 3: telling the people affected');
    expect(submitLabel(step3.view!)).toBe('See result');
    expect(JSON.stringify(step3.view!.blocks)).toContain('← Back to step 2');
    expect(step3.view!.private_metadata.length).toBeLessThanOrEqual(3000);

    // Back shows step 2 with what was answered there.
    await t.driver.blockAction({ user, view: view.id, action_id: ASSESSMENT.back });
    const back = await t.slack.waitFor(() => {
      const v = t.slack.view(view.id)!;
      return askedFields(v).includes('disclosure') && v;
    });
    const disclosure = back.blocks.find((b) => b['block_id'] === 'disclosure') as { element: { initial_option?: { value: string } } };
    expect(disclosure.element.initial_option?.value).toBe('likely');
    expect((await submitStep(t, user, view.id, {})).responseAction).toBe('update');

    const done = await submitStep(t, user, view.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
    expect(done.responseAction).toBe('close');

    const result = await resultMessage(t, breach.channel_id, 1);
    const shown = JSON.stringify(result.blocks);
    expect(result.text).toContain('a high risk to the people affected');
    // The decision and reasons in words; the ENISA arithmetic only behind "How this was scored".
    expect(shown).not.toMatch(/DPC \d/);
    expect(shown.match(/How this was scored/g)).toHaveLength(1);
    expect(shown).toMatch(/\*How this was scored:\*[^"]*ENISA severity method does \(here: (high|very high), \d/);
    expect(shown).toContain('*Notify Datatilsynet*\\nYes, by <!date^');
    expect(shown).toContain('Yes, individually');
    expect(shown).toMatch(/health data/i);
    expect(shown).toMatch(/1,200 patients/);
    expect(shown).toContain(ASSESSMENT.accept);
    expect(shown).toContain(ASSESSMENT.override);

    // A channel member opens the breakdown; an outsider's forged press is refused and opens nothing.
    const press = await t.driver.blockAction({ user, message: { channel: breach.channel_id, ts: result.ts }, action_id: ASSESSMENT.scoring });
    const scoring = await t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === ASSESSMENT.scoringView));
    expect(JSON.stringify(scoring.title)).toContain('How this was scored');
    expect(JSON.stringify(scoring.blocks)).toMatch(/DPC 4 × EI 1 \+ CB [\d.]+ = [\d.]+/);
    expect(JSON.stringify(scoring.blocks)).toContain('ENISA severity ');
    const urls = t.slack.responseUrlPosts().length;
    await forge(t, press.payload, t.users.outsider);
    const refusal = await t.slack.waitFor(() => t.slack.responseUrlPosts().slice(urls).find((p) => /Only members of the breach's channel/.test(p.text ?? '')));
    expect(refusal.text).not.toContain(breach.reference ?? 'BR-');
    expect(t.slack.openViews(t.users.outsider).filter((v) => v.callback_id === ASSESSMENT.scoringView)).toHaveLength(0);

    const card = await cardShowing(t, breach.channel_id, 'Proposed (v1)');
    expect(card).toContain(`Awaiting <@${t.users.dpo}>`);
    expect(card).toContain('notify Datatilsynet; tell the people affected individually');

    const [row] = await db()`select version, answers, result, created_by from assessments where breach_id = ${breach.id}`;
    expect(row).toMatchObject({ version: 1, created_by: user });
    expect(row!.answers).toMatchObject({ subjectsCount: 1200, disclosure: 'likely', recipients: 'unknown', impactOnPeople: 'none' });
    expect(row!.result).toMatchObject({ risk: 'high', notifyAuthority: true, communicateToSubjects: 'individual' });
    const events = await db()`select actor, data from breach_events where breach_id = ${breach.id} and type = 'assessment_submitted'`;
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ version: 1, after: { risk: 'high', notifyAuthority: true } });
    t.slack.assertNoViolations();
  });

  it('an outage restored in two hours needs no notification; reassessing from the card keeps both versions', async () => {
    const breach = await declareForAssessment(t, 'CRM offline for two hours');
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    const step2 = await submitStep(t, user, view.id, SHORT_OUTAGE_STEP1);
    expect(askedFields(step2.view!)).toEqual(['unavailability', 'restoredWithinHours', 'impactOnPeople']);
    // A severe effect would make it a high risk and add a step; a mild one ends here, and says so.
    expect(stepHeading(step2.view!)).toBe('Step 2 of 3: the details');
    expect(submitLabel(step2.view!)).toBe('Next');
    expect(JSON.stringify(step2.view!.blocks)).toContain('If these answers need no more questions, *Next* shows the result.');
    const done = await submitStep(t, user, view.id, { unavailability: 'temporary', restoredWithinHours: '2', impactOnPeople: 'none' });
    expect(done.responseAction).toBe('close');
    const v1 = await resultMessage(t, breach.channel_id, 1);
    expect(v1.text).toContain('unlikely to result in a risk');
    expect(JSON.stringify(v1.blocks)).toContain('*Notify Datatilsynet*\\nNo');

    // Reassess from the card: the questionnaire starts from the previous answers.
    const again = await assessByCard(t, breach.channel_id, breach.card_ts);
    const types = again.blocks.find((b) => b['block_id'] === 'breachTypes') as { element: { initial_options?: Array<{ value: string }> } };
    expect(types.element.initial_options?.map((o) => o.value)).toEqual(['availability']);
    expect((await submitStep(t, user, again.id, {})).responseAction).toBe('update');
    // A restore time for data lost for good is a contradiction: error at that field.
    const contradiction = await submitStep(t, user, again.id, { unavailability: 'permanent', restoredWithinHours: '2', impactOnPeople: 'significant' });
    expect(contradiction.errors).toEqual({ restoredWithinHours: expect.stringMatching(/lost for good/) });
    expect((await submitStep(t, user, again.id, { restoredWithinHours: '' })).responseAction).toBe('close');
    const v2 = await resultMessage(t, breach.channel_id, 2);
    expect(v2.text).not.toContain('unlikely');

    const versions = await db()`select version, result->>'risk' as risk from assessments where breach_id = ${breach.id} order by version`;
    expect(versions.map((r) => [r.version, r.risk])).toEqual([
      [1, 'unlikely'],
      [2, v2.text.includes('high risk') ? 'high' : 'risk'],
    ]);
    await cardShowing(t, breach.channel_id, 'Proposed (v2)');

    // The older result can no longer be accepted.
    await t.driver.blockAction({ user: t.users.dpo, message: { channel: breach.channel_id, ts: v1.ts }, action_id: ASSESSMENT.accept });
    const refusal = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.dpo }).find((e) => e.text.includes('v2 is newer')));
    expect(refusal.text).toContain('assessment v1');
    expect(await db()`select 1 from decisions where breach_id = ${breach.id}`).toHaveLength(0);
    t.slack.assertNoViolations();
  });

  it('asks which kinds of data the hashing covers, and shows the closest published example beside the result', async () => {
    const breach = await declareForAssessment(t, 'User table with bcrypt hashes exfiltrated');
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    const step2 = await submitStep(t, user, view.id, {
      breachTypes: ['confidentiality'],
      dataTypes: ['basic_identity', 'contact', 'credentials'],
      subjectGroups: ['users'],
      subjectsCount: '1200',
      identifiability: 'maximum',
      publiclyAvailableBefore: 'false',
      malicious: 'true',
    });
    expect(askedFields(step2.view!)).toEqual(['credentialsGiveAccessTo', 'disclosure', 'recipients', 'physicalDanger', 'protection']);

    // Protection intact: a follow-up step asks what it covers, among the kinds of data involved only.
    const step3 = await submitStep(t, user, view.id, {
      credentialsGiveAccessTo: ['basic_identity', 'contact'],
      disclosure: 'confirmed',
      recipients: 'unknown',
      physicalDanger: 'false',
      protection: 'intact',
    });
    expect(step3.responseAction).toBe('update');
    expect(askedFields(step3.view!)).toEqual(['protectedDataTypes']);
    expect(stepHeading(step3.view!)).toBe('Step 3 of 4: a closer look');
    const covered = step3.view!.blocks.find((b) => b['block_id'] === 'protectedDataTypes') as {
      optional?: boolean;
      element: { type: string; options: Array<{ value: string }> };
    };
    expect(covered.optional).toBeFalsy();
    expect(covered.element.type).toBe('checkboxes');
    expect(covered.element.options.map((o) => o.value)).toEqual(['basic_identity', 'contact', 'credentials']);
    // Required: Slack would not let the person submit it empty.
    await expect(submitStep(t, user, view.id, { protectedDataTypes: [] })).rejects.toThrow(/required input "protectedDataTypes" is empty/);

    // The hashes protect only the passwords: the names and e-mails make it notifiable, not high risk.
    const done = await submitStep(t, user, view.id, { protectedDataTypes: ['credentials'] });
    expect(done.responseAction).toBe('close');
    const result = await resultMessage(t, breach.channel_id, 1);
    const shown = JSON.stringify(result.blocks);
    expect(result.text).toContain('a risk to the people affected');
    expect(shown).toContain('*Notify Datatilsynet*\\nYes, by <!date^');
    expect(shown).toContain('protects the login credentials');
    // The precedent beside the answer: EDPB case 06 (salted hashes) said no; this breach differs.
    expect(shown).toMatch(/\*Closest published example\* \(\d+% alike\): EDPB Guidelines 01\/2021, case No\. 06, exfiltration of salted password hashes/);
    expect(shown).toContain('*Its outcome:* notify the authority: no; tell the people: no.');
    expect(shown).toContain('• Encryption: covering only some of the data here; intact (key safe) in the example.');
    expect(shown).toContain(':warning: This assessment reaches a different outcome from the example');

    const [row] = await db()`select answers, result from assessments where breach_id = ${breach.id}`;
    expect(row!.answers).toMatchObject({ protection: 'intact', protectedDataTypes: ['credentials'] });
    expect(row!.result).toMatchObject({ risk: 'risk', notifyAuthority: true, communicateToSubjects: 'no' });

    // Reassessing from the card carries the answer through every step's metadata.
    const again = await assessByCard(t, breach.channel_id, breach.card_ts);
    expect((await submitStep(t, user, again.id, {})).responseAction).toBe('update');
    const followUp = await submitStep(t, user, again.id, {});
    const prefilled = followUp.view!.blocks.find((b) => b['block_id'] === 'protectedDataTypes') as { element: { initial_options?: Array<{ value: string }> } };
    expect(prefilled.element.initial_options?.map((o) => o.value)).toEqual(['credentials']);
    t.slack.assertNoViolations();
  });

  it('/breach assess outside a breach channel points to the breach channel', async () => {
    await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'assess' });
    const pointer = t.slack.ephemerals({ channel: t.generalId, user: t.users.reporter }).at(-1);
    expect(pointer?.text).toMatch(/in the breach's channel/);
    expect(t.slack.openViews(t.users.reporter).filter((v) => v.callback_id === ASSESSMENT.view)).toHaveLength(0);
    t.slack.assertNoViolations();
  });
});
