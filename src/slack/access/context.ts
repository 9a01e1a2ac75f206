import type { Context } from '@slack/bolt';
import type { Actor, PolicyAction, Role } from '../../domain/access/policy.js';
import type { StoredAssessment } from '../../domain/assessment/stored.js';
import type { Breach } from '../../domain/breach/entity.js';

/** What the guard found and allowed; listeners read it instead of looking the breach up again. */
export interface Granted {
  action: PolicyAction;
  as: Role | 'anyone';
  actor: Actor | null;
  /** The breach the request is about; null for organisation actions and commands typed outside a breach channel. */
  breach: Breach | null;
  /** For Accept / Override and the override form: the assessment named. */
  assessment: StoredAssessment | null;
}

const KEY = 'breachbotAccess';

export function setGranted(context: Context, g: Granted): void {
  context[KEY] = g;
}

/** The guard's decision for this request. Throws if the guard did not run: no listener acts unchecked. */
export function granted(context: Context): Granted {
  const g = context[KEY] as Granted | undefined;
  if (!g) throw new Error('no access decision for this request: the access guard must run before every listener');
  return g;
}

/** The breach a request is about, as the guard loaded it. */
export type GrantedBreach = Breach;

/** The breach of a request that is about one (its locator found it). */
export function grantedBreach(context: Context): GrantedBreach {
  const b = granted(context).breach;
  if (!b) throw new Error('this listener needs a breach, but the request named none');
  return b;
}
