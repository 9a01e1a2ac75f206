/**
 * A person's part in one breach, as the App Home shows it. Responders are the members of the
 * breach's private channel who are not already there as reporter, lead or DPO.
 */
export type UserRole = 'reporter' | 'lead' | 'dpo' | 'responder';

const LABELS: Record<UserRole, string> = { reporter: 'reporter', lead: 'breach lead', dpo: 'DPO', responder: 'responder' };

export function userRoles(
  breach: { reporterId: string; leadId: string | null },
  userId: string,
  facts: { isDpo: boolean; isMember: boolean },
): UserRole[] {
  const roles: UserRole[] = [];
  if (breach.reporterId === userId) roles.push('reporter');
  if (breach.leadId === userId) roles.push('lead');
  if (facts.isDpo) roles.push('dpo');
  if (facts.isMember && roles.length === 0) roles.push('responder');
  return roles;
}

/** "reporter, DPO", or "none" for someone with no part in the breach. */
export function describeRoles(roles: readonly UserRole[]): string {
  return roles.length ? roles.map((r) => LABELS[r]).join(', ') : 'none';
}
