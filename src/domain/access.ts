/**
 * Who may do what, in one place (product.md "Access", issue 7). Anyone may declare a breach and
 * follow it; the legal record is kept by the DPO users and the breach lead, with workspace
 * admins as a fallback when no DPO is configured yet. Checked on the server for every action,
 * not only by hiding buttons.
 */
export type PrivilegedAction =
  | 'record_decision'
  | 'override_decision'
  | 'record_notification'
  | 'record_communication'
  | 'record_restriction'
  | 'close_breach'
  | 'set_lead'
  | 'export_register'
  | 'edit_settings';

export interface Actor {
  userId: string;
  /** Listed among the organisation's DPO users. */
  isDpo: boolean;
  /** The lead of the breach in question (false when the action is not about one breach). */
  isLead: boolean;
  /** A Slack workspace admin or owner. */
  isAdmin: boolean;
}

export type AccessCheck = { ok: true } | { ok: false; reason: string };

const WHO: Record<PrivilegedAction, { roles: Array<'dpo' | 'lead' | 'admin'>; what: string }> = {
  record_decision: { roles: ['dpo', 'lead', 'admin'], what: 'record the notification decision' },
  override_decision: { roles: ['dpo', 'lead', 'admin'], what: 'override the risk assessment' },
  record_notification: { roles: ['dpo', 'lead', 'admin'], what: 'record the notification to the authority' },
  record_communication: { roles: ['dpo', 'lead', 'admin'], what: 'record the communication to the people affected' },
  record_restriction: { roles: ['dpo', 'admin'], what: 'record a § 22 restriction' },
  close_breach: { roles: ['dpo', 'lead', 'admin'], what: 'close a breach' },
  set_lead: { roles: ['dpo', 'lead', 'admin'], what: 'name the breach lead' },
  export_register: { roles: ['dpo', 'admin'], what: 'export the breach register' },
  edit_settings: { roles: ['dpo', 'admin'], what: 'change the settings' },
};

const ROLE_NAMES = { dpo: 'the DPO', lead: 'the breach lead', admin: 'a workspace admin' } as const;

export function may(action: PrivilegedAction, actor: Actor): AccessCheck {
  const rule = WHO[action];
  const has = { dpo: actor.isDpo, lead: actor.isLead, admin: actor.isAdmin };
  if (rule.roles.some((r) => has[r])) return { ok: true };
  const names = rule.roles.map((r) => ROLE_NAMES[r]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return {
    ok: false,
    reason: `Only ${list} can ${rule.what}. This is kept to a few people because it becomes part of the legal record (GDPR Art. 33(5)). Ask the DPO if you think this is wrong.`,
  };
}
