/**
 * Officer sessions. The cookie holds a 256-bit secret; D1 holds only its SHA-256, so a copy
 * of the database cannot be used to sign in. A session lasts one long shift at most.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Officer } from "../shared/protocol";
import { database } from "../db/client";
import { officerSessions, officers } from "../db/schema";
import { SESSION_COOKIE, readCookie } from "./cookies";
import { randomSecret, sha256Hex } from "./secrets";

export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

export async function startSession(db: D1Database, officerId: string, now = Date.now()) {
  const secret = randomSecret();
  await database(db)
    .insert(officerSessions)
    .values({
      idHash: await sha256Hex(secret),
      officerId,
      createdAt: now,
      expiresAt: now + SESSION_LIFETIME_SECONDS * 1000,
    });
  return secret;
}

/** The signed-in officer for a request's cookie, or null when absent, expired or disabled. */
export async function officerForRequest(
  db: D1Database,
  request: Request,
  now = Date.now(),
): Promise<Officer | null> {
  const secret = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  if (!secret) return null;
  const rows = await database(db)
    .select({
      id: officers.id,
      email: officers.email,
      displayName: officers.displayName,
      role: officers.role,
    })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(
      and(
        eq(officerSessions.idHash, await sha256Hex(secret)),
        gt(officerSessions.expiresAt, now),
        isNull(officers.disabledAt),
      ),
    )
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
