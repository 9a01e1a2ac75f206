import { expect, it } from 'vitest';
import { declareAction } from '../../../src/slack/ids.js';
import { askedFields, assessByCommand, declareForAssessment, resultMessage, submitStep, useDatabase } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';

/*
 * Issue 11, class 3, through Slack: a lost or stolen device whose data a backup restored is not
 * "unlikely to result in a risk" for that. The questionnaire asks whether a copy of the data is out
 * of our hands (beside a loss), starting from the kind of incident recorded when the breach was
 * declared, and the answer is stored with the assessment.
 */

/** The pre-selected choice of a single-choice question in a questionnaire step. */
const preselected = (view: { blocks: Array<Record<string, unknown>> }, field: string) =>
  (view.blocks.find((b) => b['block_id'] === field) as { element: { initial_option?: { value: string } } } | undefined)?.element.initial_option?.value;

/** Step 1 of a laptop with employees' HR records, gone and restored from a backup. */
const LAPTOP_STEP1 = {
  breachTypes: ['confidentiality', 'availability'],
  dataTypes: ['basic_identity', 'national_id', 'health'],
  subjectGroups: ['employees'],
  subjectsCount: '35',
  identifiability: 'maximum',
  publiclyAvailableBefore: 'false',
  malicious: 'false',
};

/** Step 2: probably not seen, not encrypted, back from the backup within hours, no effect on anyone. */
const RESTORED_STEP2 = { disclosure: 'unlikely', recipients: 'unknown', physicalDanger: 'false', protection: 'none', unavailability: 'temporary', restoredWithinHours: '3', impactOnPeople: 'none' };

describeOnOneDatabase('a lost device in the risk questionnaire', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  const db = useDatabase(t);

  it('starts from the recorded "lost or stolen device", and the backup does not make it unlikely', async () => {
    const title = 'HR laptop lost on the train';
    const declare = await openDeclare(t, 'declare');
    await t.driver.submitView({
      user: t.users.reporter,
      viewId: declare.id,
      values: { ...declareValues({ title, responders: [t.users.responder] }), incidentCategory: { [declareAction('incidentCategory')]: 'lost_or_stolen' } },
    });
    const breach = await waitForSetup(t.databaseUrl, title);
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);

    const step2 = await submitStep(t, user, view.id, LAPTOP_STEP1);
    expect(askedFields(step2.view!)).toEqual([
      'disclosure', 'recipients', 'physicalDanger', 'copyOutOfControl', 'protection', 'unavailability', 'restoredWithinHours', 'impactOnPeople',
    ]);
    expect(preselected(step2.view!, 'copyOutOfControl')).toBe('true');

    // The pre-filled answer is left as it is: the health data on the laptop make it a high risk.
    const step4 = await submitStep(t, user, view.id, RESTORED_STEP2);
    expect(askedFields(step4.view!)).toEqual(['measuresRemoveHighRisk', 'individualContactDisproportionate']);
    const done = await submitStep(t, user, view.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
    expect(done.responseAction).toBe('close');

    const result = await resultMessage(t, breach.channel_id, 1);
    expect(result.text).toContain('a high risk to the people affected');
    expect(JSON.stringify(result.blocks)).toContain('not the copy back from whoever holds it');
    const [row] = await db()`select answers, result from assessments where breach_id = ${breach.id}`;
    expect(row!.answers).toMatchObject({ copyOutOfControl: true, disclosure: 'unlikely', restoredWithinHours: 3 });
    expect(row!.result).toMatchObject({ risk: 'high', notifyAuthority: true, communicateToSubjects: 'individual' });
    t.slack.assertNoViolations();
  });

  it('asks it without a pre-filled answer when no kind of incident says so; "we do not know" is the worse case', async () => {
    const breach = await declareForAssessment(t, 'Customer laptop missing after the fair');
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    const step2 = await submitStep(t, user, view.id, { ...LAPTOP_STEP1, dataTypes: ['basic_identity', 'contact'], subjectGroups: ['customers'], subjectsCount: '40' });
    expect(preselected(step2.view!, 'copyOutOfControl')).toBeUndefined();

    const done = await submitStep(t, user, view.id, { ...RESTORED_STEP2, copyOutOfControl: 'unknown' });
    expect(done.responseAction).toBe('close');
    const result = await resultMessage(t, breach.channel_id, 1);
    expect(JSON.stringify(result.blocks)).toContain("is not known, so it is assessed as the worse case");
    const [row] = await db()`select answers, result from assessments where breach_id = ${breach.id}`;
    expect(row!.answers).toMatchObject({ copyOutOfControl: null });
    expect(row!.result).toMatchObject({ risk: 'risk', notifyAuthority: true, communicateToSubjects: 'no' });
    t.slack.assertNoViolations();
  });

  it('"we do not know yet" whether it was done on purpose is accepted and assessed as on purpose, and the result says so', async () => {
    const breach = await declareForAssessment(t, 'Customer list e-mailed to our accountant by mistake');
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    const step2 = await submitStep(t, user, view.id, {
      breachTypes: ['confidentiality'],
      dataTypes: ['basic_identity', 'contact'],
      subjectGroups: ['customers'],
      subjectsCount: '40',
      identifiability: 'maximum',
      publiclyAvailableBefore: 'unknown',
      malicious: 'unknown',
    });
    // An accountant bound to secrecy who deleted it: "unlikely" if it was an accident, not if it may have been on purpose.
    const step3 = await submitStep(t, user, view.id, { disclosure: 'likely', recipients: 'trusted', physicalDanger: 'false', protection: 'none' });
    expect(askedFields(step3.view!)).toContain('recipientDeletedOrReturned');
    const step4 = await submitStep(t, user, view.id, { recipientDeletedOrReturned: 'true' });
    const done = step4.responseAction === 'close' ? step4 : await submitStep(t, user, view.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
    expect(done.responseAction).toBe('close');
    const result = JSON.stringify((await resultMessage(t, breach.channel_id, 1)).blocks);
    expect(result).toContain('Whether the breach was done on purpose is not known, so it was assessed as the worse case: on purpose.');
    expect(result).toContain('Whether the same data were already public is not known, so it was assessed as the worse case: not public.');
    const [row] = await db()`select answers, result from assessments where breach_id = ${breach.id}`;
    expect(row!.answers).toMatchObject({ malicious: null, publiclyAvailableBefore: null });
    expect(row!.result).toMatchObject({ risk: 'risk', notifyAuthority: true });
    t.slack.assertNoViolations();
  });
});
