/**
 * Officer sessions. The cookie holds a 256-bit secret; D1 holds only its SHA-256, so a copy
 * of the database cannot be used to sign in. A session lasts one long shift at most.
 */
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Officer } from "../shared/protocol";
import { database } from "../db/client";
import { officerSessions, officers } from "../db/schema";
import { SESSION_COOKIE, readCookie } from "./cookies";
import { accessEmail, type AccessConfig } from "./access";
import { randomSecret, sha256Hex } from "./secrets";

export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
/** A session unused for this long stops working (the console keeps it alive while in use). */
export const SESSION_IDLE_MS = 30 * 60_000;
/** Last use is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: D1Database, officerId: string, now = Date.now()) {
  const secret = randomSecret();
  await database(db)
    .insert(officerSessions)
    .values({
      idHash: await sha256Hex(secret),
      officerId,
      createdAt: now,
      expiresAt: now + SESSION_LIFETIME_SECONDS * 1000,
      lastSeenAt: now,
    });
  return secret;
}

/**
 * The signed-in officer for a request, or null: from a verified Cloudflare Access JWT when the
 * deployment uses Access, otherwise from the session cookie (absent, expired, idle or disabled
 * give null).
 */
export async function officerForRequest(
  db: D1Database,
  request: Request,
  now = Date.now(),
  access: AccessConfig | null = null,
): Promise<Officer | null> {
  if (access) {
    const email = await accessEmail(request, access);
    return email ? enabledOfficerByEmail(db, email) : null;
  }
  return (await sessionForRequest(db, request, now))?.officer ?? null;
}

/** A working session: its officer, and the digest of its secret that D1 keeps (and sockets recheck). */
export interface SignedInSession {
  officer: Officer;
  sessionHash: string;
}

/** The session a request's cookie belongs to, or null (absent, expired, idle or disabled). */
export async function sessionForRequest(db: D1Database, request: Request, now = Date.now()): Promise<SignedInSession | null> {
  const idHash = await sessionHashOf(request);
  if (!idHash) return null;
  const rows = await database(db)
    .select({
      id: officers.id,
      email: officers.email,
      displayName: officers.displayName,
      role: officers.role,
      lastSeenAt: officerSessions.lastSeenAt,
    })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(liveSession(idHash, now))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (now - row.lastSeenAt > TOUCH_EVERY_MS) {
    await database(db)
      .update(officerSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(officerSessions.idHash, idHash), lt(officerSessions.lastSeenAt, now)));
  }
  const { lastSeenAt: _, ...officer } = row;
  return { officer, sessionHash: idHash };
}

/** The enabled account with this email (as Cloudflare Access vouches for it), or null. */
export async function enabledOfficerByEmail(db: D1Database, email: string): Promise<Officer | null> {
  const rows = await database(db)
    .select({ id: officers.id, email: officers.email, displayName: officers.displayName, role: officers.role })
    .from(officers)
    .where(and(eq(officers.email, email.toLowerCase()), isNull(officers.disabledAt)))
    .limit(1);
  return rows[0] ?? null;
}

export async function endSession(db: D1Database, request: Request): Promise<void> {
  const secret = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  if (!secret) return;
  await database(db)
    .delete(officerSessions)
    .where(eq(officerSessions.idHash, await sha256Hex(secret)));
}

/** Ends every session an officer has, on every device. */
export async function endAllSessions(db: D1Database, officerId: string): Promise<void> {
  await database(db).delete(officerSessions).where(eq(officerSessions.officerId, officerId));
}

/** The digest of the session secret a request carries (as D1 keeps it), or null. */
async function sessionHashOf(request: Request): Promise<string | null> {
  const secret = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  return secret ? sha256Hex(secret) : null;
}

/**
 * Whether a socket opened by this officer may stay open: with a session, that session has not
 * ended, expired or gone idle; with Cloudflare Access (no session), the account is enabled.
 * Either way a disabled account fails.
 */
export async function stillSignedIn(db: D1Database, officerId: string, sessionHash: string | null, now = Date.now()): Promise<boolean> {
  const orm = database(db);
  if (sessionHash === null) {
    const rows = await orm
      .select({ id: officers.id })
      .from(officers)
      .where(and(eq(officers.id, officerId), isNull(officers.disabledAt)))
      .limit(1);
    return rows.length === 1;
  }
  const rows = await orm
    .select({ id: officers.id })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(and(liveSession(sessionHash, now), eq(officerSessions.officerId, officerId)))
    .limit(1);
  return rows.length === 1;
}

/**
 * A session that still works (for a query joining officers): this digest, not expired, used
 * within the idle time, and its officer's account not disabled.
 */
function liveSession(idHash: string, now: number) {
  return and(
    eq(officerSessions.idHash, idHash),
    gt(officerSessions.expiresAt, now),
    gt(officerSessions.lastSeenAt, now - SESSION_IDLE_MS),
    isNull(officers.disabledAt),
  );
}
