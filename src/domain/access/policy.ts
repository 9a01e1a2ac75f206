/**
 * Who may do what with a breach: the one access policy (product.md "Rules of behaviour: Access",
 * issue 14). Pure: the facts about the person come in, a decision goes out. The Slack layer
 * (src/slack/access/) finds the facts and enforces the answer for every listener.
 *
 * Roles, from the widest to the narrowest:
 * - member: in the breach's private channel (the responders; the reporter, lead and DPO are invited);
 * - reporter: declared the breach (may retry its setup before the channel exists);
 * - lead: the breach lead (`/breach lead`);
 * - dpo: one of the organisation's DPO users (settings);
 * - admin: a Slack workspace admin or owner, **only as a fallback while no DPO user is configured**:
 *   then an admin may do what the DPO may, so a new workspace is never locked out of the legal
 *   record, and the audit event says the admin acted as admin. Once a DPO is set, an admin is
 *   treated as anyone else (product.md: "only the DPO users and the breach lead may record
 *   decisions, overrides, notifications and closing"; the register and settings are the DPO's).
 */
export type Role = 'member' | 'reporter' | 'lead' | 'dpo' | 'admin';

/** Everything a listener can do. Actions about one breach say so in `about`. */
export type PolicyAction =
  // about one breach
  | 'read'
  | 'update_facts'
  | 'assess'
  | 'draft_notices'
  | 'add_timeline_entry'
  | 'post_timeline'
  | 'retry_setup'
  | 'decide'
  | 'decide_regimes'
  | 'override'
  | 'record_notification'
  | 'record_communication'
  | 'record_restriction'
  | 'close'
  | 'set_lead'
  // about the organisation
  | 'declare'
  | 'list'
  | 'help'
  | 'home'
  | 'note_membership'
  | 'export_register'
  | 'edit_settings';

export interface Rule {
  /** Who may; `anyone` is open to every user of the workspace. */
  who: readonly Exclude<Role, 'admin'>[] | 'anyone';
  /** Whether the action is about one breach (the Slack layer must find and validate its id). */
  about: 'breach' | 'organisation';
  /** For the explanation: "Only … can <what>." */
  what: string;
}

const MEMBERS = ['member', 'lead', 'dpo'] as const;
const RECORD_KEEPERS = ['lead', 'dpo'] as const;

/**
 * The policy table. Admins are never listed: they stand in for the DPO (see above), so every rule
 * that names `dpo` admits an admin while no DPO user is configured.
 */
export const POLICY: Readonly<Record<PolicyAction, Rule>> = {
  read: { who: MEMBERS, about: 'breach', what: "see this breach's details" },
  update_facts: { who: MEMBERS, about: 'breach', what: "update this breach's facts" },
  assess: { who: MEMBERS, about: 'breach', what: 'assess the risk of this breach' },
  draft_notices: { who: MEMBERS, about: 'breach', what: "draft this breach's notices" },
  add_timeline_entry: { who: MEMBERS, about: 'breach', what: "add to this breach's timeline" },
  post_timeline: { who: MEMBERS, about: 'breach', what: "post this breach's timeline" },
  retry_setup: { who: ['member', 'reporter', 'lead', 'dpo'], about: 'breach', what: "retry this breach's setup" },
  decide: { who: RECORD_KEEPERS, about: 'breach', what: 'record the notification decision' },
  decide_regimes: { who: RECORD_KEEPERS, about: 'breach', what: 'record the NIS2 decisions (significance, affected services, the authority’s requests)' },
  override: { who: RECORD_KEEPERS, about: 'breach', what: 'override the risk assessment' },
  record_notification: { who: RECORD_KEEPERS, about: 'breach', what: 'record the notification to the authority' },
  record_communication: { who: RECORD_KEEPERS, about: 'breach', what: 'record the communication to the people affected' },
  record_restriction: { who: ['dpo'], about: 'breach', what: 'record a § 22 restriction' },
  close: { who: RECORD_KEEPERS, about: 'breach', what: 'close a breach' },
  set_lead: { who: RECORD_KEEPERS, about: 'breach', what: 'name the breach lead' },
  declare: { who: 'anyone', about: 'organisation', what: 'declare a breach' },
  list: { who: 'anyone', about: 'organisation', what: 'list the open breaches' },
  help: { who: 'anyone', about: 'organisation', what: 'read the help' },
  home: { who: 'anyone', about: 'organisation', what: 'open the App Home' },
  // Slack's own notice that someone left a channel (signed by Slack like every request): it only
  // makes the next access decision ask Slack again, so it can take nothing from anyone.
  note_membership: { who: 'anyone', about: 'organisation', what: 'tell me who left a channel' },
  export_register: { who: ['dpo'], about: 'organisation', what: 'export the breach register' },
  edit_settings: { who: ['dpo'], about: 'organisation', what: 'change the settings' },
};

export const POLICY_ACTIONS = Object.keys(POLICY) as PolicyAction[];

/** What is known about the person asking. Breach facts are false for an organisation action. */
export interface Actor {
  userId: string;
  isMember: boolean;
  isReporter: boolean;
  isLead: boolean;
  isDpo: boolean;
  /** A Slack workspace admin or owner. */
  isAdmin: boolean;
  /** Whether any DPO user is configured: admins stand in only while none is. */
  dpoConfigured: boolean;
}

export type Access = { ok: true; as: Role | 'anyone' } | { ok: false; reason: string };

const HAS: Record<Exclude<Role, 'admin'>, (a: Actor) => boolean> = {
  dpo: (a) => a.isDpo,
  lead: (a) => a.isLead,
  member: (a) => a.isMember,
  reporter: (a) => a.isReporter,
};

/** The role that grants the action, narrowest first: what the audit trail records. */
const GRANT_ORDER = ['dpo', 'lead', 'member', 'reporter'] as const;

/** Whether an admin would be let in: the rule names the DPO and no DPO user is configured. */
export function adminMayStandIn(action: PolicyAction, dpoConfigured: boolean): boolean {
  const who = POLICY[action].who;
  return who !== 'anyone' && who.includes('dpo') && !dpoConfigured;
}

export function may(action: PolicyAction, actor: Actor): Access {
  const rule = POLICY[action];
  if (rule.who === 'anyone') return { ok: true, as: 'anyone' };
  const who = rule.who;
  const granted = GRANT_ORDER.find((r) => who.includes(r) && HAS[r](actor));
  if (granted) return { ok: true, as: granted };
  if (actor.isAdmin && adminMayStandIn(action, actor.dpoConfigured)) return { ok: true, as: 'admin' };
  return { ok: false, reason: denial(action, actor.dpoConfigured) };
}

const ROLE_NAMES: Record<Exclude<Role, 'admin'>, string> = {
  member: "members of the breach's channel",
  reporter: 'the reporter',
  lead: 'the breach lead',
  dpo: 'the DPO',
};

/** "Only the breach lead or the DPO can close a breach. …": who may, and why for the legal record. */
export function denial(action: PolicyAction, dpoConfigured: boolean): string {
  const rule = POLICY[action];
  if (rule.who === 'anyone') return '';
  const names: string[] = rule.who.map((r) => ROLE_NAMES[r]);
  if (adminMayStandIn(action, dpoConfigured)) names.push('a workspace admin (while no DPO is set)');
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  const why = rule.who.includes('member')
    ? "Breach details stay with the people working on it; ask someone in the breach's channel to add you."
    : 'This becomes part of the legal record (GDPR Art. 33(5)), so it is kept to a few people. Ask the DPO if you think this is wrong.';
  return `Only ${list} can ${rule.what}. ${why}`;
}
