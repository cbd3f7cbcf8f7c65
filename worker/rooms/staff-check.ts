/**
 * Staff sockets outlive the request that opened them, so the objects holding them ask D1 again
 * whether their officer is still signed in: at most every STAFF_CHECK_MS, and only when
 * something is about to reach those sockets (a frame arrives, an alarm runs, the queue is
 * published). A socket on which nothing happens learns nothing new, so nothing leaks while it
 * waits. A session that ended (signed out, revoked, `npm run officers -- disable`), expired or
 * went idle, or a disabled account, closes that officer's sockets with SIGNED_OUT.
 *
 * **Asked before it is due, so a busy chat never waits for it.** Nothing reaches a staff socket
 * whose sign-in was last asked about more than STAFF_CHECK_MS ago: what happens then waits for
 * the answer. But an event from STAFF_REFRESH_MS on starts the question without waiting for it,
 * so in a chat where anything happens at least every quarter of a minute no message ever waits
 * for D1 (BENCHMARKS.md, issue 20: the wait was a D1 round trip once a minute for every chat).
 * A question that fails counts as asked (it is logged): D1 is not asked on every frame while it
 * is down, and the sockets stay as they were until the next question.
 */
import type { Connection } from "partyserver";
import { stillSignedIn } from "../auth/sessions";
import { log } from "../log";
import { SIGNED_OUT } from "./close-codes";

/** How stale a staff socket's sign-in may be before what would reach it waits for it to be asked again. */
export const STAFF_CHECK_MS = 60_000;
/** How stale it may be before the next event asks again without waiting for the answer. */
export const STAFF_REFRESH_MS = 45_000;

export interface StaffIdentity {
  officerId: string;
  /** The session's digest, as the Worker told it when the socket opened; null under Cloudflare Access. */
  sessionHash: string | null;
}

export class StaffCheck {
  /** When the last question that has been answered was asked (ms); 0: never, so the first event after waking waits for one. */
  private checkedAt = 0;
  /** The question being asked, if any: a later event joins it rather than asking D1 again. */
  #asking: Promise<void> | null = null;

  constructor(
    private readonly db: D1Database,
    /** Who a connection is, or null for one that is not staff (the victim). */
    private readonly identityOf: (connection: Connection) => StaffIdentity | null,
  ) {}

  /**
   * Closes the sockets of staff no longer signed in. Waits for D1 only when the last answer is
   * STAFF_CHECK_MS old; from STAFF_REFRESH_MS it asks in the background and returns at once.
   */
  async ifDue(connections: Iterable<Connection>, now = Date.now()): Promise<void> {
    const age = now - this.checkedAt;
    if (age < STAFF_REFRESH_MS) return;
    // Cleared once settled, never inside ask(): with no staff connected it settles at once.
    this.#asking ??= this.ask([...connections], now).finally(() => (this.#asking = null));
    if (age >= STAFF_CHECK_MS) return this.#asking;
  }

  private async ask(connections: Connection[], askedAt: number): Promise<void> {
    try {
      const verdicts = new Map<string, Promise<boolean>>();
      for (const connection of connections) {
        const identity = this.identityOf(connection);
        if (!identity || connection.readyState !== WebSocket.OPEN) continue;
        const key = `${identity.officerId}:${identity.sessionHash ?? "access"}`;
        let verdict = verdicts.get(key);
        if (!verdict) verdicts.set(key, (verdict = stillSignedIn(this.db, identity.officerId, identity.sessionHash, askedAt)));
        if (!(await verdict)) connection.close(SIGNED_OUT, "signed out");
      }
    } catch (error) {
      log.warn("staff-check.failed", { error });
    } finally {
      this.checkedAt = askedAt;
    }
  }
}
