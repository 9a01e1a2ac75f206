import postgres from 'postgres';
import { expect, it } from 'vitest';
import { describeOnOneDatabase } from '../support/databases.js';
import { useTestBot } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';

describeOnOneDatabase('HTTP endpoints and request signing', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { start: { healthCheckMs: 100 } });

  it('/breach help round-trips as a signed request and lists the commands that exist', async () => {
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.ackMs).toBeLessThan(3000);
    const body = res.json as { response_type: string; text: string; blocks: Array<{ text?: { text: string } }> };
    expect(body.response_type).toBe('ephemeral');
    const shown = body.blocks.map((b) => b.text?.text ?? '').join('\n');
    for (const cmd of ['/breach declare [short title]', '/breach status', '/breach list', '/breach help']) {
      expect(shown).toContain(`\`${cmd}\``);
    }
    expect(shown).toMatch(/72-hour/);
    t.slack.assertNoViolations();
  });

  it('answers an unknown subcommand with a pointer to help, escaping what was typed', async () => {
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: '<!channel>' });
    const body = res.json as { text: string };
    expect(body.text).toContain("I don't know `/breach &lt;!channel&gt;`");
    expect(body.text).toContain('/breach help');
    t.slack.assertNoViolations();
  });

  it.each([
    ['unsigned', { signature: null, timestamp: null }],
    ['forged', { signature: 'v0=' + 'ab'.repeat(32) }],
    ['stale (over 5 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
  ])('rejects %s requests with 401 and changes nothing', async (_name, forge) => {
    const before = await counts();
    const callsBefore = t.slack.calls.length;
    const body = new URLSearchParams({
      command: '/breach',
      text: 'declare Sneaky',
      user_id: t.users.outsider,
      channel_id: t.generalId,
      team_id: t.slack.teamId,
      trigger_id: t.slack.issueTrigger(t.users.outsider),
      response_url: `${t.slack.baseUrl}/response/none`,
    }).toString();
    const res = await t.driver.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      ...(forge as Record<string, unknown>),
    } as never);
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
    expect(t.slack.calls.length).toBe(callsBefore);
  });

  it('GET /healthz is 200 when the database is reachable and migrated, 503 when it is not', async () => {
    const ok = await fetch(`${t.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', database: 'ready' });

    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`alter table drizzle.__drizzle_migrations rename to __hidden`;
      // The answer comes from the cached check, which runs every 100 ms here (every second by default).
      await eventually(async () => (await fetch(`${t.url}/healthz`)).status === 503, 3_000, 'a 503');
    } finally {
      await sql`alter table drizzle.__hidden rename to __drizzle_migrations`;
      await sql.end();
    }
    await eventually(async () => (await fetch(`${t.url}/healthz`)).status === 200, 3_000, 'a 200 again');
  });

  it('GET /metrics serves Prometheus text with request counts and ack latency', async () => {
    await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'help' });
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/breachbot_slack_requests_total\{kind="command",status="200"\} [1-9]/);
    expect(text).toMatch(/breachbot_slack_requests_total\{kind="rejected",status="401"\} [1-9]/);
    expect(text).toMatch(/breachbot_slack_ack_seconds_bucket\{le="0.1",kind="command"\} [1-9]/);
    expect(text).toContain('breachbot_process_resident_memory_bytes');
  });

  async function counts() {
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [r] = await sql`select (select count(*) from breaches)::int as b, (select count(*) from breach_events)::int as e`;
      return r;
    } finally {
      await sql.end();
    }
  }
});

describeOnOneDatabase('operations endpoints on their own port (OPS_PORT)', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { env: { OPS_PORT: '0', OPS_HOST: '127.0.0.1' } });
  const ops = () => `http://127.0.0.1:${t.bot.opsPort}`;

  it('/metrics moves off the public port; /healthz is on both unless HEALTHZ_PUBLIC=false', async () => {
    expect(t.bot.opsPort).toBeGreaterThan(0);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    const metrics = await fetch(`${ops()}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('breachbot_process_resident_memory_bytes');
    expect((await fetch(`${ops()}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${ops()}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
    // Slack still reaches the public port.
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'help' });
    expect(res.status).toBe(200);
  });
});

describeOnOneDatabase('HEALTHZ_PUBLIC=false', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { env: { OPS_PORT: '0', HEALTHZ_PUBLIC: 'false' } });
  it('/healthz only on the ops port', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${t.bot.opsPort}/healthz`)).status).toBe(200);
  });
});
