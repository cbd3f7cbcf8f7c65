/**
 * Who may send each frame on a socket, and how often: one table per Durable Object, checked
 * before a frame does anything. A frame type missing from a table cannot be declared (the
 * tables are typed by the protocol's frame types), so a new frame cannot arrive unguarded.
 *
 * **Rates are per side of the chat, not per socket**: a victim's token can open several
 * sockets, and a flood split across them counts once. Frames that only show liveliness
 * (typing, read marks, "I'm still here") are dropped quietly past their rate, since a later one
 * says the same; frames that do something are refused with `too-many` and may be sent again.
 *
 * New messages are counted here too, per side, in a sliding window (`FrameWindow`): at most so
 * many in any stretch of that length, the number a deployment sets (abuse/rate-limits.ts).
 * Counted where the sockets live, a message waits on no round trip to be let through.
 *
 * Budgets live in memory: they restart when an object wakes from hibernation, which only a
 * quiet socket lets happen, so a flood keeps its object awake and its budget in force.
 */
import type { ConnectionRole, ConversationClientFrame, DispatcherClientFrame, StaffRole } from "../shared/protocol";
import { CAPABILITIES } from "../shared/access-policy";

export interface FrameRule<Role extends string> {
  /** Who may send it; anyone else is refused with not-allowed. */
  roles: readonly Role[];
  /**
   * A token bucket: up to `burst` at once, one more every `refillMs`. Past it, "drop" says
   * nothing (liveliness), "refuse" answers too-many. Absent where the rate is counted elsewhere.
   */
  rate?: { burst: number; refillMs: number; over: "drop" | "refuse" };
}

const CHAT_SIDES = ["victim", "officer"] as const;

/**
 * A conversation's frames. New messages are counted by the Conversation instead, per side of the
 * conversation, against a `FrameWindow` (abuse/rate-limits.ts says how many), once it knows the
 * message is new: a resent message already stored is not counted at all. Observers
 * (supervisors reading) send nothing.
 */
export const CONVERSATION_FRAMES = {
  send: { roles: CHAT_SIDES },
  end: { roles: CHAT_SIDES, rate: { burst: 3, refillMs: 2_000, over: "refuse" } },
  typing: { roles: CHAT_SIDES, rate: { burst: 1, refillMs: 2_000, over: "drop" } },
  read: { roles: CHAT_SIDES, rate: { burst: 10, refillMs: 250, over: "drop" } },
  "still-here": { roles: ["victim"], rate: { burst: 2, refillMs: 5_000, over: "drop" } },
  location: { roles: ["victim"], rate: { burst: 3, refillMs: 20_000, over: "refuse" } },
  "retry-translation": { roles: ["officer"], rate: { burst: 5, refillMs: 2_000, over: "refuse" } },
  "set-language": { roles: ["officer"], rate: { burst: 3, refillMs: 5_000, over: "refuse" } },
  // Which officer may is the Conversation's check (the one the chat is assigned to).
  "more-time": { roles: ["officer"], rate: { burst: 3, refillMs: 5_000, over: "refuse" } },
} as const satisfies Record<ConversationClientFrame["type"], FrameRule<ConnectionRole>>;

/** Everyone on the console (shared/access-policy.ts). */
const STAFF = CAPABILITIES["use-console"];

/** The queue's frames, per officer: every one of them makes the Dispatcher publish to all staff. */
export const DISPATCHER_FRAMES = {
  accept: { roles: STAFF, rate: { burst: 10, refillMs: 1_000, over: "refuse" } },
  "set-status": { roles: STAFF, rate: { burst: 5, refillMs: 2_000, over: "refuse" } },
  "raise-priority": { roles: STAFF, rate: { burst: 5, refillMs: 5_000, over: "refuse" } },
  // Which chats one may transfer is the policy's `mayReassign`, checked with the chat in hand.
  transfer: { roles: STAFF, rate: { burst: 5, refillMs: 2_000, over: "refuse" } },
  "set-capacity": { roles: CAPABILITIES["set-capacity"], rate: { burst: 10, refillMs: 1_000, over: "refuse" } },
} as const satisfies Record<DispatcherClientFrame["type"], FrameRule<StaffRole>>;

export type FrameVerdict = "take" | "not-allowed" | "drop" | "too-many";

/** At most `limit` in any `periodMs`. */
export interface FrameWindow {
  limit: number;
  periodMs: number;
}

/** Token buckets and sliding windows by key, for one object's life in memory. */
export class FrameBudgets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  /** For each window's key, when the frames it counted were taken, oldest first. */
  readonly #windows = new Map<string, number[]>();

  /** Whether one more may be taken under `window` for `key` now (nothing is counted). */
  hasRoom(key: string, window: FrameWindow, now = Date.now()): boolean {
    return this.#recent(key, window, now).length < window.limit;
  }

  /** Counts one taken under `window` for `key`. */
  count(key: string, window: FrameWindow, now = Date.now()): void {
    this.#recent(key, window, now).push(now);
  }

  /** The times counted for `key` within the window up to `now`; older ones are let go. */
  #recent(key: string, window: FrameWindow, now: number): number[] {
    let times = this.#windows.get(key);
    if (!times) this.#windows.set(key, (times = []));
    let expired = 0;
    while (expired < times.length && times[expired]! <= now - window.periodMs) expired++;
    if (expired > 0) times.splice(0, expired);
    return times;
  }

  /**
   * Whether `role` may send a frame under `rule` now, counted against `key` (a side of the chat,
   * or an officer). Counting happens only for frames the role may send.
   */
  check<Role extends string>(rule: FrameRule<Role>, role: Role, key: string, now = Date.now()): FrameVerdict {
    if (!rule.roles.includes(role)) return "not-allowed";
    const rate = rule.rate;
    if (!rate) return "take";
    const bucket = this.#buckets.get(key) ?? { tokens: rate.burst, at: now };
    const refilled = Math.min(rate.burst, bucket.tokens + (now - bucket.at) / rate.refillMs);
    if (refilled < 1) {
      this.#buckets.set(key, { tokens: refilled, at: now });
      return rate.over === "drop" ? "drop" : "too-many";
    }
    this.#buckets.set(key, { tokens: refilled - 1, at: now });
    return "take";
  }
}
