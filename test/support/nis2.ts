import postgres from 'postgres';
import { DECLARE_REGIME_ACTION, DECLARE_REGIME_FIELD, HOME_ACTIONS, SETTINGS_VIEW, settingsAction } from '../../src/slack/ids.js';
import type { TestBot } from './bot-harness.js';
import type { CardRow } from './card.js';
import { declareValues, openDeclare, waitForSetup } from './declare.js';
import { openHome } from './home.js';

/* A NIS2 entity's significant incident, set up through Slack as people do it (issue 16). */

/** The DPO ticks "We are a NIS2 entity" in the settings; then the reporter declares `title` as a significant incident. */
export async function declareSignificantIncident(t: TestBot & { databaseUrl: string }, title: string, awareAtSeconds: number): Promise<CardRow> {
  await openHome(t, t.users.dpo);
  await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
  const settings = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
  await t.driver.submitView({ user: t.users.dpo, viewId: settings.id, values: { regimeOptions: { [settingsAction('regimeOptions')]: ['nis2_dk'] } } });
  const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await t.slack.waitFor(async () => (await sql`select value->'regimes'->'nis2EntityIn' as n from settings where key = 'org'`)[0]?.['n']?.length === 1);
  } finally {
    await sql.end();
  }
  const view = await openDeclare(t);
  await t.slack.waitFor(() => t.slack.view(view.id)?.blocks.some((b) => b['block_id'] === DECLARE_REGIME_FIELD));
  await t.driver.submitView({
    user: t.users.reporter,
    viewId: view.id,
    values: { ...declareValues({ title, awareAt: awareAtSeconds, responders: [t.users.responder] }), [DECLARE_REGIME_FIELD]: { [DECLARE_REGIME_ACTION]: 'yes' } },
  });
  return (await waitForSetup(t.databaseUrl, title)) as unknown as CardRow;
}
