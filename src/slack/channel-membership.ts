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

/** Channels remembered at most; the oldest reads go first (one per breach channel in use). */
const MAX_CHANNELS = 5_000;

interface Read {
  members: Set<string>;
  at: number;
}

/**
 * Who is in each breach channel, for the access guard. It asks before every button, command and
 * form about a breach, and conversations.members is Tier 4 (about 100 calls a minute, paced:
 * src/slack/rate-limits.ts): asked each time, a busy incident or a burst of Home renders used the
 * budget up and presses were refused after waiting ("try again"; docs/benchmarks.md). One read per
 * channel now serves every member's presses for MEMBERSHIP_MAX_AGE_MS, and concurrent presses
 * share the read in flight.
 */
export class ChannelMembership {
  private readonly reads = new Map<string, Read>();
  private readonly reading = new Map<string, Promise<Set<string>>>();
  /** Bumped when someone leaves: a read that began before it must not store what it saw. */
  private readonly leaves = new Map<string, number>();

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
    if (known && this.now() - known.at < this.maxAgeMs && known.members.has(userId)) return true;
    try {
      return (await this.read(client, channelId)).has(userId);
    } catch {
      return false;
    }
  }

  /** Someone left the channel (or was removed): the next decision asks Slack again. */
  left(channelId: string): void {
    this.reads.delete(channelId);
    this.leaves.set(channelId, (this.leaves.get(channelId) ?? 0) + 1);
  }

  private read(client: webApi.WebClient, channelId: string): Promise<Set<string>> {
    const inFlight = this.reading.get(channelId);
    if (inFlight) return inFlight;
    const at = this.now();
    const leavesBefore = this.leaves.get(channelId) ?? 0;
    const read = channelMembers(client, channelId)
      .then((members) => {
        if ((this.leaves.get(channelId) ?? 0) === leavesBefore) this.remember(channelId, { members, at });
        return members;
      })
      .finally(() => this.reading.delete(channelId));
    this.reading.set(channelId, read);
    return read;
  }

  private remember(channelId: string, read: Read): void {
    this.reads.delete(channelId);
    this.reads.set(channelId, read);
    if (this.reads.size > MAX_CHANNELS) this.reads.delete(this.reads.keys().next().value!);
  }
}
