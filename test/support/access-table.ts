import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SurfaceKind } from '../../src/slack/access/surfaces.js';
import { denial, type PolicyAction } from '../../src/domain/access/policy.js';
import {
  ACTIONS, ASSESSMENT, CLOSE_VIEW, HOME_ACTIONS, NOTICE_ACTIONS, NOTICE_VIEWS, REGIME_DECISIONS, REGIME_STAGE, SETTINGS_VIEW, SHORTCUTS, TIMELINE_ENTRY_VIEW,
  closeAction, settingsAction,
} from '../../src/slack/ids.js';
import { REGIME_DRAFT } from '../../src/slack/ids.js';
import { SURFACES } from '../../src/slack/access/surfaces.js';
import type { AckResult, EmulatedView } from '../emulator/index.js';
import { assessByCommand } from './assess.js';
import { useTestBot } from './bot-harness.js';
import { decidedNoNotification, type CardRow } from './card.js';
import { describeOnOneDatabase } from './databases.js';
import { openDeclare } from './declare.js';
import { buttonPayload, openByButton, sendCommand, sendPayload, submissionPayload, viewActionPayload } from './forged.js';
import { openHome } from './home.js';
import { openFromCard } from './notices.js';

/*
 * The access table (issue 14): every command, button, modal action and view submission, sent as
 * real signed requests by an outsider (not in the breach's channel), a workspace admin (not in it
 * either; a DPO is configured, so the admin has no stand-in rights), a channel member (the
 * responder), the breach lead and the DPO. Each is allowed or refused as README "Access" says; a
 * refusal names who may, changes no row in any table, and makes no Slack call but reads and the
 * explanation to the person who asked. Requests are built for each person (test/support/forged.ts),
 * since Slack would not show the outsider the button: only the server's checks stop them.
 */

type Person = 'outsider' | 'admin' | 'member' | 'lead' | 'dpo';
const PEOPLE: Person[] = ['outsider', 'admin', 'member', 'lead', 'dpo'];
/** Who may, in the README's words. */
const WHO = {
  anyone: PEOPLE,
  members: ['member', 'lead', 'dpo'],
  keepers: ['lead', 'dpo'],
  dpo: ['dpo'],
} as const satisfies Record<string, readonly Person[]>;

interface Row {
  /** The surface, as in src/slack/access/surfaces.ts: `command:<sub>`, `action:<id>`, `view:<callback id>`, … */
  surface: string;
  action: PolicyAction;
  who: keyof typeof WHO;
  send: (user: string) => Promise<AckResult>;
}

/** Tables a request could change; home_viewers is left out (opening the Home is open to anyone). */
const TABLES = [
  'breaches', 'breach_setup_steps', 'breach_events', 'reminders', 'settings', 'assessments', 'decisions', 'notifications',
  'subject_restrictions', 'notice_drafts', 'breach_sequences', 'regime_stages',
];

/** Slack methods a refusal may call: the guard's reads, and the explanation. */
const READS = new Set(['conversations.members', 'users.info']);

interface TablePart {
  title: string;
  kinds: readonly SurfaceKind[];
  /** Also send malformed and unknown breach ids. */
  malformedIds?: boolean;
}

/** The table in two parts, one test file each, so that the halves (about a minute each) run side by side. */
export const TABLE_PARTS = {
  buttons: { title: 'buttons and modal actions', kinds: ['action'], malformedIds: true },
  requests: { title: 'commands, forms, shortcuts and events', kinds: ['command', 'view', 'shortcut', 'event'] },
} as const satisfies Record<string, TablePart>;

/**
 * Runs the table for the surfaces of one part's kinds (test/slack/access/access-table-*.test.ts),
 * and checks that every surface of those kinds in the policy map is in it, and that the parts
 * together cover every kind.
 */
export function accessTable(part: TablePart): void {
  describeOnOneDatabase(`access table (${part.title}): every surface as outsider, admin, member, lead and DPO`, ({ freshDatabase }) => {
    // Rate limits off: background work (a timeline, drafts) finishes at once, so `settle` sees it end.
    const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' } });
    let sql: postgres.Sql;
    let breach: CardRow;
    let result: { ts: string };
    let assessmentId: string;
    const who = {} as Record<Person, string>;
    const modals = {} as Record<'questionnaire' | 'facts' | 'timeline' | 'record' | 'close' | 'override' | 'settings' | 'declare', EmulatedView>;
    let home: EmulatedView;
    let generalMessage: string;

    // Every table's row count and content hash in one round trip (settle polls it ten times a second).
    const snapshotQuery = TABLES.map(
      (table) => `select '${table}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x`,
    ).join(' union all ');
    const snapshot = async () => {
      const out: Record<string, string> = {};
      for (const row of await sql.unsafe(snapshotQuery)) out[row['t'] as string] = `${row['n']}:${row['h']}`;
      return out;
    };

    /** Waits until the bot has finished what it started: no new rows and no new Slack calls for a while. */
    async function settle(quietTicks = 2): Promise<Record<string, string>> {
      let last = JSON.stringify([await snapshot(), t.slack.calls.length, t.slack.responseUrlPosts().length]);
      let stable = 0;
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const now = JSON.stringify([await snapshot(), t.slack.calls.length, t.slack.responseUrlPosts().length]);
        stable = now === last ? stable + 1 : 0;
        if (stable === quietTicks) return JSON.parse(now)[0];
        last = now;
      }
      throw new Error('the bot did not settle');
    }

    /** Everything the person was told in answer to the request: the ack, ephemerals, response_url posts, DMs. */
    function toldSince(user: string, ack: AckResult, from: { posts: number; ephemerals: number; dm: number }): string[] {
      const json = ack.json as Record<string, any> | undefined;
      return [
        typeof json?.['text'] === 'string' ? json['text'] : '',
        ...Object.values((json?.['errors'] as Record<string, string> | undefined) ?? {}),
        JSON.stringify(json?.['view'] ?? ''),
        ...t.slack.ephemerals({ user }).slice(from.ephemerals).map((e) => e.text),
        ...t.slack.responseUrlPosts().slice(from.posts).map((p) => p.text),
        ...t.slack.dm(user).slice(from.dm).map((m) => m.text),
      ].filter((x): x is string => Boolean(x));
    }

    /** `quiet`: the state right after a refusal, which set nothing off, so there is nothing to wait for. */
    async function attempt(row: Row, person: Person, quiet?: Record<string, string>) {
      const user = who[person];
      const before = quiet ?? (await settle());
      const from = { calls: t.slack.calls.length, posts: t.slack.responseUrlPosts().length, ephemerals: t.slack.ephemerals({ user }).length, dm: t.slack.dm(user).length };
      const ack = await row.send(user);
      expect(ack.status, `${row.surface} as ${person}: HTTP status`).toBe(200);
      const after = await settle();
      const told = toldSince(user, ack, from);
      return { ack, before, after, told, calls: t.slack.calls.slice(from.calls) };
    }

    beforeAll(async () => {
      sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
      who.outsider = t.users.outsider;
      who.member = t.users.responder;
      who.dpo = t.users.dpo;
      who.lead = t.slack.addUser({ name: 'lena.lead' }).id;
      who.admin = t.slack.addUser({ name: 'ada.admin', isAdmin: true }).id;
      ({ breach, result } = await decidedNoNotification(t, 'Access table: backup tape lost in transit'));
      t.slack.addMembers(breach.channel_id, [who.lead]);
      await t.driver.slashCommand({ user: who.dpo, channel: breach.channel_id, text: `lead <@${who.lead}>` });
      await t.slack.waitFor(async () => (await sql`select lead_id from breaches where id = ${breach.id}`)[0]!['lead_id'] === who.lead);
      // The announcement goes out at Slack's pace (one post a second per channel): let it land before the table counts calls.
      await t.slack.waitFor(() => t.slack.messages(breach.channel_id).some((m) => m.text.includes(`named <@${who.lead}> the breach lead`)), 20_000);
      assessmentId = (await sql`select id from assessments where breach_id = ${breach.id}`)[0]!['id'];

      // The modals, each opened by someone who may open it; the table then submits them as everyone.
      const closeAll = async (user: string) => {
        for (const v of t.slack.openViews(user).reverse()) await t.driver.closeView({ user, viewId: v.id });
      };
      modals.questionnaire = await assessByCommand(t, breach.channel_id, who.member);
      await closeAll(who.member);
      modals.facts = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, who.member);
      await closeAll(who.member);
      modals.timeline = await openFromCard(t, breach, ACTIONS.addTimelineEntry, TIMELINE_ENTRY_VIEW, who.member);
      await closeAll(who.member);
      // The card no longer offers these after the decision (issue 17); a press on an older copy of it still arrives.
      modals.record = await openByButton(t, who.lead, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.recordNotification, breach.id, NOTICE_VIEWS.record);
      await closeAll(who.lead);
      modals.close = await openFromCard(t, breach, ACTIONS.closeBreach, CLOSE_VIEW, who.dpo);
      await closeAll(who.dpo);
      modals.override = await openByButton(t, who.dpo, { channel: breach.channel_id, ts: result.ts }, ASSESSMENT.override, assessmentId, ASSESSMENT.overrideView);
      await closeAll(who.dpo);
      await openHome(t, who.dpo);
      home = t.slack.homeView(who.dpo)!;
      await t.driver.blockAction({ user: who.dpo, view: home.id, action_id: HOME_ACTIONS.editSettings });
      modals.settings = await t.slack.waitFor(() => t.slack.openViews(who.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
      await closeAll(who.dpo);
      modals.declare = await openDeclare(t, 'declare', t.users.reporter);
      await closeAll(t.users.reporter);
      generalMessage = t.slack.addMessage({ channel: t.generalId, user: t.users.reporter, text: 'The payroll file went to the wrong list' }).ts;
      await settle();
    }, 60_000);
    afterAll(() => sql.end());

    const inBreach = () => ({ channel: breach.channel_id, ts: breach.card_ts });
    const card = (actionId: string, action: PolicyAction, whoMay: Row['who']): Row => ({
      surface: `action:${actionId}`,
      action,
      who: whoMay,
      send: (user) => sendPayload(t, buttonPayload(t, user, inBreach(), actionId, breach.id)),
    });
    const command = (text: string, action: PolicyAction, whoMay: Row['who']): Row => ({
      surface: `command:${text.split(' ')[0]}`,
      action,
      who: whoMay,
      send: (user) => sendCommand(t, user, breach.channel_id, text),
    });
    const submit = (modal: keyof typeof modals, callbackId: string, action: PolicyAction, whoMay: Row['who'], values: () => Record<string, Record<string, unknown>> = () => ({})): Row => ({
      surface: `view:${callbackId}`,
      action,
      who: whoMay,
      send: (user) => sendPayload(t, submissionPayload(t, user, modals[modal], values())),
    });

    /** In order: a row that ends something (the close) comes last. */
    const rows = (): Row[] => [
      command('help', 'help', 'anyone'),
      command('list', 'list', 'anyone'),
      command('frobnicate', 'help', 'anyone'),
      command('status', 'read', 'members'),
      command('assess', 'assess', 'members'),
      command('facts', 'update_facts', 'members'),
      command(`lead <@${who.lead}>`, 'set_lead', 'keepers'),
      command('register', 'export_register', 'dpo'),
      command('declare', 'declare', 'anyone'),
      card(ACTIONS.assess, 'assess', 'members'),
      card(NOTICE_ACTIONS.updateFacts, 'update_facts', 'members'),
      card(ACTIONS.draftNotices, 'draft_notices', 'members'),
      card(ACTIONS.draftAuthorityAnyway, 'draft_notices', 'members'),
      card(ACTIONS.addTimelineEntry, 'add_timeline_entry', 'members'),
      card(ACTIONS.retrySetup, 'retry_setup', 'members'),
      card(ACTIONS.recordNotification, 'record_notification', 'keepers'),
      // Record a report to another regime's authority (issue 16): the same people as the notification.
      card(REGIME_STAGE.record, 'record_notification', 'keepers'),
      // The NIS2 decisions after the declaration (issue 16): the same people as the GDPR decision.
      card(REGIME_DECISIONS.open, 'decide_regimes', 'keepers'),
      {
        // A regime stage's drafts (issue 16): drafts like any other. This breach is under the GDPR alone,
        // so the allowed are told there is nothing to draft under that regime.
        surface: `action:${REGIME_DRAFT.draft}`, action: 'draft_notices', who: 'members',
        send: (user) => sendPayload(t, buttonPayload(t, user, inBreach(), REGIME_DRAFT.draft, `${breach.id}|nis2-dk|early_warning`)),
      },
      card(ACTIONS.closeBreach, 'close', 'keepers'),
      {
        surface: `action:${ASSESSMENT.accept}`, action: 'decide', who: 'keepers',
        send: (user) => sendPayload(t, buttonPayload(t, user, { channel: breach.channel_id, ts: result.ts }, ASSESSMENT.accept, assessmentId)),
      },
      {
        surface: `action:${ASSESSMENT.override}`, action: 'override', who: 'keepers',
        send: (user) => sendPayload(t, buttonPayload(t, user, { channel: breach.channel_id, ts: result.ts }, ASSESSMENT.override, assessmentId)),
      },
      {
        // The card's Breach lead picker (issue 17): naming a lead is the keepers'.
        surface: `action:${ACTIONS.cardLead}`, action: 'set_lead', who: 'keepers',
        send: (user) => sendPayload(t, {
          ...buttonPayload(t, user, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.cardLead, ''),
          actions: [{ type: 'users_select', action_id: ACTIONS.cardLead, block_id: 'card_lead', selected_user: who.lead, action_ts: `${Date.now() / 1000}` }],
        }),
      },
      {
        // The card's ⋯ menu needs what the action it stands for needs: here Add timeline entry.
        surface: `action:${ACTIONS.cardMore}`, action: 'add_timeline_entry', who: 'members',
        send: (user) => sendPayload(t, {
          ...buttonPayload(t, user, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.cardMore, ''),
          actions: [{
            type: 'overflow', action_id: ACTIONS.cardMore, block_id: 'card_actions', action_ts: `${Date.now() / 1000}`,
            selected_option: { text: { type: 'plain_text', text: 'Add timeline entry' }, value: `${ACTIONS.addTimelineEntry}|${breach.id}` },
          }],
        }),
      },
      {
        // Fill gaps on a drafting round's message (issue 17): Update facts, the gaps first.
        surface: `action:${NOTICE_ACTIONS.fillGaps}`, action: 'update_facts', who: 'members',
        send: (user) => sendPayload(t, buttonPayload(t, user, inBreach(), NOTICE_ACTIONS.fillGaps, `${breach.id}|subjects.count,cause.description`)),
      },
      {
        // Read full text on a drafting round's message (issue 17): a breach detail, a read. The draft
        // named does not exist: the access check comes first, and the allowed are told it is not this breach's.
        surface: `action:${NOTICE_ACTIONS.readDraft}`, action: 'read', who: 'members',
        send: (user) => sendPayload(t, buttonPayload(t, user, inBreach(), NOTICE_ACTIONS.readDraft, `${breach.id}|00000000-0000-4000-8000-00000000d7a1`)),
      },
      {
        surface: `action:${ASSESSMENT.scoring}`, action: 'read', who: 'members',
        send: (user) => sendPayload(t, buttonPayload(t, user, { channel: breach.channel_id, ts: result.ts }, ASSESSMENT.scoring, assessmentId)),
      },
      {
        surface: `action:${ASSESSMENT.back}`, action: 'assess', who: 'members',
        send: (user) => sendPayload(t, viewActionPayload(t, user, modals.questionnaire, { type: 'button', action_id: ASSESSMENT.back, value: 'back' })),
      },
      {
        surface: `action:${NOTICE_ACTIONS.recordKind}`, action: 'record_notification', who: 'keepers',
        send: (user) => sendPayload(t, viewActionPayload(t, user, modals.record, {
          type: 'radio_buttons', action_id: NOTICE_ACTIONS.recordKind, selected_option: { value: 'communication', text: { type: 'plain_text', text: 'x' } },
        })),
      },
      {
        surface: `action:${HOME_ACTIONS.editSettings}`, action: 'edit_settings', who: 'dpo',
        send: (user) => sendPayload(t, viewActionPayload(t, user, home, { type: 'button', action_id: HOME_ACTIONS.editSettings })),
      },
      {
        surface: `action:${HOME_ACTIONS.declare}`, action: 'declare', who: 'anyone',
        send: (user) => sendPayload(t, viewActionPayload(t, user, home, { type: 'button', action_id: HOME_ACTIONS.declare })),
      },
      {
        surface: `shortcut:${SHORTCUTS.declare}`, action: 'declare', who: 'anyone',
        send: (user) => t.driver.globalShortcut({ user, callbackId: SHORTCUTS.declare }),
      },
      {
        surface: `shortcut:${SHORTCUTS.reportMessage}`, action: 'declare', who: 'anyone',
        send: (user) => t.driver.messageShortcut({ user, channel: t.generalId, messageTs: generalMessage, callbackId: SHORTCUTS.reportMessage }),
      },
      {
        surface: 'event:app_home_opened', action: 'home', who: 'anyone',
        send: async (user) => {
          const d = await t.driver.appHomeOpened({ user });
          return { status: d.acked ? 200 : 500, body: '', headers: {}, ackMs: 0 };
        },
      },
      {
        // Slack's notice that someone left: it only makes the next check ask Slack again.
        surface: 'event:member_left_channel', action: 'note_membership', who: 'anyone',
        send: async (user) => {
          const d = await t.driver.event({ type: 'member_left_channel', user, channel: breach.channel_id, channel_type: 'G', team: t.slack.teamId });
          return { status: d.acked ? 200 : 500, body: '', headers: {}, ackMs: 0 };
        },
      },
      submit('declare', 'declare_breach_modal', 'declare', 'anyone'),
      submit('questionnaire', ASSESSMENT.view, 'assess', 'members'),
      submit('facts', NOTICE_VIEWS.facts, 'update_facts', 'members'),
      submit('timeline', TIMELINE_ENTRY_VIEW, 'add_timeline_entry', 'members', () => ({
        what: { what_input: { type: 'plain_text_input', value: 'Courier confirmed the tape is lost' } },
      })),
      submit('override', ASSESSMENT.overrideView, 'override', 'keepers'),
      submit('record', NOTICE_VIEWS.record, 'record_notification', 'keepers'),
      {
        // This breach is under the GDPR alone, so no report form opens for it: a form sent all the same
        // (its metadata names the breach) is checked like the notification's, then finds nothing to record.
        surface: `view:${REGIME_STAGE.view}`, action: 'record_notification', who: 'keepers',
        send: (user) => {
          const p = submissionPayload(t, user, modals.timeline);
          (p.view as Record<string, unknown>)['callback_id'] = REGIME_STAGE.view;
          return sendPayload(t, p);
        },
      },
      {
        // The organisation is no NIS2 entity here, so no decisions form opens: a form sent all the same
        // is checked like the GDPR decision, then finds nothing to decide.
        surface: `view:${REGIME_DECISIONS.view}`, action: 'decide_regimes', who: 'keepers',
        send: (user) => {
          const p = submissionPayload(t, user, modals.timeline);
          (p.view as Record<string, unknown>)['callback_id'] = REGIME_DECISIONS.view;
          return sendPayload(t, p);
        },
      },
      submit('settings', SETTINGS_VIEW, 'edit_settings', 'dpo', () => ({
        dpoUserIds: { [settingsAction('dpoUserIds')]: { type: 'multi_users_select', selected_users: [who.dpo] } },
      })),
      submit('close', CLOSE_VIEW, 'close', 'keepers', () => ({
        note: { [closeAction('note')]: { type: 'plain_text_input', value: 'Tape found sealed; no personal data exposed.' } },
      })),
      // Last: its allowed runs post a long timeline at Slack's pace (one post a second per channel),
      // which would otherwise land while the next surface's refusals are being counted.
      command('timeline', 'post_timeline', 'members'),
    ];

    it('allows exactly who the policy names, on every surface, and a refusal changes nothing', async () => {
      const seen: string[] = [];
      for (const row of rows().filter((r) => part.kinds.includes(r.surface.split(':')[0] as SurfaceKind))) {
        seen.push(row.surface);
        // A second of quiet between surfaces: what an allowed run set off (card and Home refreshes,
        // posts at Slack's pace) lands before the next surface's refusals are counted.
        await settle(10);
        const reason = denial(row.action, true);
        let quiet: Record<string, string> | undefined;
        for (const person of PEOPLE) {
          const label = `${row.surface} as ${person}`;
          const allowed = (WHO[row.who] as readonly Person[]).includes(person);
          const r = await attempt(row, person, quiet);
          quiet = allowed ? undefined : r.after;
          const refusedByAccess = reason !== '' && r.told.some((text) => text.includes(reason));
          if (allowed) {
            expect(refusedByAccess, `${label}: should be allowed, was told ${JSON.stringify(r.told)}`).toBe(false);
            expect(r.told.some((text) => /^Only .* can /.test(text)), `${label}: told ${JSON.stringify(r.told)}`).toBe(false);
            continue;
          }
          expect(refusedByAccess, `${label}: should be refused, was told ${JSON.stringify(r.told)}`).toBe(true);
          expect(r.after, `${label}: a refusal changed a row`).toEqual(r.before);
          const changes = r.calls.filter((c) => !READS.has(c.method));
          // Home tabs of other people republished at Slack's pace after an earlier, allowed change can
          // land now; a refusal must not touch this person's Home or anything else.
          const explanation = (c: (typeof changes)[number]) =>
            (c.method === 'chat.postEphemeral' && c.args['user'] === who[person]) ||
            (c.method === 'chat.postMessage' && c.args['channel'] === who[person]) ||
            (c.method === 'views.publish' && c.args['user_id'] !== who[person]) ||
            // A refused pick in the lead picker re-renders the card so the picker shows the stored lead.
            (row.surface === `action:${ACTIONS.cardLead}` && c.method === 'chat.update' && c.args['ts'] === breach.card_ts);
          expect(changes.filter((c) => !explanation(c)).map((c) => `${c.method} ${String(c.args['channel'] ?? '')} ${String(c.args['text'] ?? '').slice(0, 60)}`.trim()), `${label}: Slack calls beyond the explanation`).toEqual([]);
          if (row.surface.startsWith('view:')) {
            // A refused submission keeps the modal open with the reason, never a silent close.
            expect((r.ack.json as Record<string, unknown>)['response_action'], label).toMatch(/^(errors|update)$/);
            expect(changes, `${label}: no Slack call at all`).toEqual([]);
          }
        }
      }
      // Every surface of the policy map is in this table; listener-policy.test.ts checks that every
      // registered listener is in the map. (`frobnicate` stands for any word that is not a subcommand.)
      const all = Object.entries(SURFACES).filter(([kind]) => part.kinds.includes(kind as SurfaceKind)).flatMap(([kind, m]) => Object.keys(m).map((id) => (kind === 'command' && id === 'unknown' ? 'command:frobnicate' : `${kind}:${id}`)));
      expect([...new Set(seen)].sort()).toEqual(all.sort());
    }, 600_000);

    it('the parts of the table together cover every kind of surface', () => {
      expect(Object.values(TABLE_PARTS).flatMap((p) => p.kinds).sort()).toEqual(Object.keys(SURFACES).sort());
    });

    if (part.malformedIds) it('a malformed or unknown breach id in a button or a form is refused and changes nothing', async () => {
      const before = await settle();
      const calls = t.slack.calls.length;
      for (const value of ['BR-2026-0001', "1' or '1'='1", '00000000-0000-4000-8000-000000000000', '']) {
        const from = t.slack.ephemerals({ user: who.dpo }).length;
        const ack = await sendPayload(t, buttonPayload(t, who.dpo, inBreach(), ACTIONS.recordNotification, value));
        expect(ack.status).toBe(200);
        const told = await t.slack.waitFor(() => t.slack.ephemerals({ user: who.dpo })[from]?.text);
        expect(told).toMatch(/does not name a breach I know|no longer exists/);
      }
      expect(t.slack.calls.slice(calls).filter((c) => c.method.startsWith('views.'))).toEqual([]);
      const forged = submissionPayload(t, who.dpo, modals.timeline, { what: { what_input: { type: 'plain_text_input', value: 'Planted entry' } } });
      forged.view['private_metadata' as never] = JSON.stringify({ breachId: 'not-a-uuid' }) as never;
      const ack = await sendPayload(t, forged);
      expect(ack.json).toMatchObject({ response_action: 'errors', errors: { what: expect.stringMatching(/does not name a breach I know/) } });
      expect(await settle()).toEqual(before);
    });
  });
}
