/**
 * Staff sockets outlive the request that opened them, so the objects holding them ask D1 again
 * whether their officer is still signed in: at most every STAFF_CHECK_MS, and only when
 * something is about to reach those sockets (a frame arrives, an alarm runs, the queue is
 * published). A socket on which nothing happens learns nothing new, so nothing leaks while it
 * waits. A session that ended (signed out, revoked, `npm run officers -- disable`), expired or
 * went idle, or a disabled account, closes that officer's sockets with SIGNED_OUT.
 */
import type { Connection } from "partyserver";
import { stillSignedIn } from "../auth/sessions";
import { SIGNED_OUT } from "./close-codes";

/** How stale a staff socket's sign-in may be before it is checked again. */
export const STAFF_CHECK_MS = 60_000;

export interface StaffIdentity {
  officerId: string;
  /** The session's digest, as the Worker told it when the socket opened; null under Cloudflare Access. */
  sessionHash: string | null;
}

export class StaffCheck {
  /** When sign-ins were last checked (ms); 0: never, so the first event after waking checks. */
  private checkedAt = 0;

  constructor(
    private readonly db: D1Database,
    /** Who a connection is, or null for one that is not staff (the victim). */
    private readonly identityOf: (connection: Connection) => StaffIdentity | null,
  ) {}

  /** Closes the sockets of staff no longer signed in, if the last check is older than STAFF_CHECK_MS. */
  async ifDue(connections: Iterable<Connection>, now = Date.now()): Promise<void> {
    if (now - this.checkedAt < STAFF_CHECK_MS) return;
    this.checkedAt = now;
    const verdicts = new Map<string, Promise<boolean>>();
    for (const connection of connections) {
      const identity = this.identityOf(connection);
      if (!identity || connection.readyState !== WebSocket.OPEN) continue;
      const key = `${identity.officerId}:${identity.sessionHash ?? "access"}`;
      let verdict = verdicts.get(key);
      if (!verdict) verdicts.set(key, (verdict = stillSignedIn(this.db, identity.officerId, identity.sessionHash, now)));
      if (!(await verdict)) connection.close(SIGNED_OUT, "signed out");
    }
  }
}
