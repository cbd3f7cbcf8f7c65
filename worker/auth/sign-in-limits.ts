/**
 * Sign-in attempts are limited per account: after MAX_FAILURES wrong passwords within the
 * window, that email cannot sign in until the window has passed. Only a digest of the email is
 * kept, and only for the window.
 */
import { and, eq, gt, lt } from "drizzle-orm";
import { database } from "../db/client";
import { guessFailures as signInFailures } from "../db/schema";
import { sha256Hex } from "./secrets";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

const digest = (email: string) => sha256Hex(`sign-in:${email}`);

export async function tooManyFailures(db: D1Database, email: string, now = Date.now()): Promise<boolean> {
  const rows = await database(db)
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.subjectHash, await digest(email)), gt(signInFailures.at, now - FAILURE_WINDOW_MS)));
  return rows.length >= MAX_FAILURES;
}

export async function recordFailure(db: D1Database, email: string, now = Date.now()): Promise<void> {
  const orm = database(db);
  await orm.delete(signInFailures).where(lt(signInFailures.at, now - FAILURE_WINDOW_MS));
  await orm.insert(signInFailures).values({ subjectHash: await digest(email), sourceHash: "", at: now });
}

export async function clearFailures(db: D1Database, email: string): Promise<void> {
  await database(db).delete(signInFailures).where(eq(signInFailures.subjectHash, await digest(email)));
}
