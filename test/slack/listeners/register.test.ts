import postgres from 'postgres';
import { expect, it } from 'vitest';
import { registerHeader } from '../../../src/domain/register/columns.js';
import { unguardCell } from '../../../src/domain/register/csv.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { parseCsv } from '../../support/csv.js';
import { describeOnOneDatabase } from '../../support/databases.js';

describeOnOneDatabase('/breach register', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  /** The register files shared in the user's DM with the bot, by extension. */
  const dmFiles = (user: string) => {
    const shared = t.slack.dm(user).filter((m) => m.files?.length);
    const files = shared.flatMap((m) => m.files ?? []).map((id) => t.slack.files().find((f) => f.id === id)!);
    return { shared, csv: files.find((f) => f.name.endsWith('.csv')), json: files.find((f) => f.name.endsWith('.json')) };
  };

  it('sends the DPO a CSV and a JSON of every breach in a DM', async () => {
    const breach = await declareForAssessment(t, 'Visitor log, with "quotes", left on the desk');
    const res = await t.driver.slashCommand({ user: t.users.dpo, channel: t.generalId, text: 'register' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Preparing the breach register/) });
    const { shared, csv, json } = await t.slack.waitFor(() => {
      const f = dmFiles(t.users.dpo);
      return f.csv && f.json && f;
    });
    expect(shared).toHaveLength(1);
    expect(shared[0]!.text).toMatch(/^The breach register \(GDPR Art\. 33\(5\)\) as of <!date\^\d+\^.*: 1 breaches, open and closed/);
    expect(csv!.name).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}\.csv$/);

    const [header, row] = parseCsv(csv!.uploaded!.toString('utf8').slice(1)).map((r) => r.map(unguardCell));
    expect(header).toEqual(registerHeader());
    expect(row![0]).toBe(breach.reference);
    expect(row![1]).toBe('Visitor log, with "quotes", left on the desk');
    const doc = JSON.parse(json!.uploaded!.toString('utf8'));
    expect(doc.breaches.map((b: { reference: string }) => b.reference)).toEqual([breach.reference]);
    expect(doc.breaches[0].events.map((e: { type: string }) => e.type)).toContain('breach_declared');
    // Taking a copy is itself in the audit trail.
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const events = await sql`select actor, data from breach_events where type = 'register_exported'`;
      expect(events).toEqual([{ actor: t.users.dpo, data: expect.objectContaining({ breaches: 1, files: [csv!.name, json!.name] }) }]);
    } finally {
      await sql.end();
    }
    t.slack.assertNoViolations();
  });

  it('anyone else is told why, and gets no file: a workspace admin too, while a DPO is set', async () => {
    const admin = t.slack.addUser({ name: 'ada.admin', isAdmin: true }).id;
    for (const user of [t.users.outsider, t.users.responder, admin]) {
      const res = await t.driver.slashCommand({ user, channel: t.generalId, text: 'register' });
      expect(res.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Only the DPO can export the breach register\./) });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(dmFiles(t.users.outsider).shared).toHaveLength(0);
    expect(dmFiles(t.users.responder).shared).toHaveLength(0);
    expect(dmFiles(admin).shared).toHaveLength(0);
    expect(t.slack.files().filter((f) => f.channels.some((c) => t.slack.channel(c)?.is_im && [t.users.outsider, t.users.responder].includes(t.slack.channel(c)!.user!)))).toHaveLength(0);
    t.slack.assertNoViolations();
  });
});
