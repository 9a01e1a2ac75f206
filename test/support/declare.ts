import postgres from 'postgres';
import { expect } from 'vitest';
import { VIEWS, declareAction } from '../../src/slack/ids.js';
import type { TestBot } from './bot-harness.js';
import { eventually } from './eventually.js';

/* Helpers to declare a breach end to end, as a user does, for any suite. */

export const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Values for the Declare modal as a user fills it in. */
export function declareValues(over: { title?: string; awareAt?: number; responders?: string[]; codename?: string; description?: string } = {}) {
  return {
    title: { [declareAction('title')]: over.title ?? 'Payroll export sent to wrong recipient' },
    description: { [declareAction('description')]: over.description ?? 'The October payroll export was e-mailed to an outside address.' },
    awareAt: { [declareAction('awareAt')]: { type: 'datetimepicker', selected_date_time: over.awareAt ?? seconds(new Date()) - 3600 } },
    responderIds: { [declareAction('responderIds')]: { type: 'multi_users_select', selected_users: over.responders ?? [] } },
    ...(over.codename ? { codename: { [declareAction('codename')]: over.codename } } : {}),
  };
}

/** Types /breach and waits for the new Declare modal (views.open may land just after the ack). */
export async function openDeclare(t: TestBot, text = 'declare', user = t.users.reporter) {
  const before = new Set(t.slack.openViews(user).map((v) => v.id));
  const res = await t.driver.slashCommand({ user, channel: t.generalId, text });
  expect(res.status).toBe(200);
  return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === VIEWS.declare && !before.has(v.id)));
}

/** Waits for the breach with this title to be fully set up, and returns its row. */
export async function waitForSetup(databaseUrl: string, title: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await eventually(async () => {
      const rows = await sql`select * from breaches where setup_completed_at is not null and title = ${title}`;
      return rows[0];
    }, 10_000, 'a completed setup');
  } finally {
    await sql.end();
  }
}

