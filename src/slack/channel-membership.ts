import type { webApi } from '@slack/bolt';
import { channelMembers } from './membership.js';

/**
 * How long a "yes, a member" read from Slack grants access without asking again. Slack tells the
 * bot at once when someone leaves a breach channel (member_left_channel, which forgets the channel
 * here), so this bound only matters when that event is lost, or when it went to another replica
 * (Slack delivers each event to one of them): a person removed from a channel can act on its breach
 * through this replica for at most this long. A "no" is never kept: someone just invited is asked
 * about again, so they are not refused for a stale answer.
 */
export const MEMBERSHIP_MAX_AGE_MS = 30_000;

/**
 * Slack sends member_left_channel as the person leaves; a read of conversations.members begun
 * within this long after it may not show the leave yet, so its "yes" for that person is not taken.
 */
const LEAVE_SETTLES_MS = 5_000;

/**
 * A read begun this long ago is not joined: Slack is slow to answer it (or it waits its turn in the
 * pacer), and a press after the guard's budget ran out on it must not wait on it again.
 */
const JOIN_WITHIN_MS = 1_000;

/** Channels remembered at most; the oldest reads go first (one per breach channel in use). */
const MAX_CHANNELS = 5_000;

interface Read {
  members: Set<string>;
  /** When the read was begun (on the bot's clock). */
  at: number;
}

/**
 * Who is in each breach channel, for the access guard and the Home tabs (which show a breach's
 * details only to those who may read it). The guard asks before every button, command and form
 * about a breach, every Home render asks for each open breach, and conversations.members is Tier 4
 * (about 100 calls a minute, paced: src/slack/rate-limits.ts): asked each time, a busy incident or
 * a burst of Home renders used the budget up and presses were refused after waiting ("try again";
 * docs/benchmarks.md). One read per
 * channel now serves every member's presses for MEMBERSHIP_MAX_AGE_MS, and concurrent presses
 * share a read just begun.
 */
export class ChannelMembership {
  private readonly reads = new Map<string, Read>();
  private readonly reading = new Map<string, { read: Promise<Read>; at: number }>();
  /** When someone left a channel (`<channel> <user>`), for LEAVE_SETTLES_MS plus the age bound. */
  private readonly departures = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly maxAgeMs = MEMBERSHIP_MAX_AGE_MS,
  ) {}

  /**
   * Whether the user is in the channel. If Slack cannot tell us, no: show and allow less rather
   * than more (nothing is granted on an error).
   */
  async isMember(client: webApi.WebClient, channelId: string | null, userId: string): Promise<boolean> {
    if (!channelId) return false;
    const known = this.reads.get(channelId);
    // A clock set back makes the age negative: ask again rather than trust the read for longer.
    const age = known ? this.now() - known.at : -1;
    if (known && age >= 0 && age < this.maxAgeMs && this.says(known, channelId, userId)) return true;
    try {
      return this.says(await this.read(client, channelId), channelId, userId);
    } catch {
      return false;
    }
  }

  /**
   * Someone left the channel (or was removed): the next decision asks Slack again, a read already
   * under way is not joined or kept, and for a few seconds no read's "yes" for them is taken.
   */
  left(channelId: string, userId: string): void {
    this.reads.delete(channelId);
    this.reading.delete(channelId);
    const now = this.now();
    for (const [key, at] of this.departures) if (now - at > LEAVE_SETTLES_MS + this.maxAgeMs) this.departures.delete(key);
    this.departures.set(`${channelId} ${userId}`, now);
  }

  private says(read: Read, channelId: string, userId: string): boolean {
    if (!read.members.has(userId)) return false;
    const leftAt = this.departures.get(`${channelId} ${userId}`);
    return leftAt === undefined || read.at >= leftAt + LEAVE_SETTLES_MS;
  }

  private read(client: webApi.WebClient, channelId: string): Promise<Read> {
    const at = this.now();
    const inFlight = this.reading.get(channelId);
    if (inFlight && at - inFlight.at >= 0 && at - inFlight.at < JOIN_WITHIN_MS) return inFlight.read;
    const read: Promise<Read> = channelMembers(client, channelId)
      .then((members) => {
        // Kept only if it is still the channel's latest read: no leave came meanwhile (left()
        // drops it from `reading`) and no later read replaced it.
        if (this.reading.get(channelId)?.read === read) this.remember(channelId, { members, at });
        return { members, at };
      })
      .finally(() => {
        if (this.reading.get(channelId)?.read === read) this.reading.delete(channelId);
      });
    this.reading.set(channelId, { read, at });
    return read;
  }

  private remember(channelId: string, read: Read): void {
    this.reads.delete(channelId);
    this.reads.set(channelId, read);
    if (this.reads.size > MAX_CHANNELS) this.reads.delete(this.reads.keys().next().value!);
  }
}
