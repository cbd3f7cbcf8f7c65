/**
 * Wrong guesses at a secret: an officer's password, or a resume code's PIN. Both are limited
 * the same way, so that guessing stops without handing a stranger a way to lock the owner out.
 *
 * **Counted per subject and source together.** After `perSource` wrong guesses in the window,
 * that source is refused for that subject; the owner at another address is not.
 * **And per subject across all sources**, so one secret guessed from many addresses still stops:
 * after `perSubject` wrong guesses in the window every source is refused, except (for sign-in)
 * a source the account has signed in from lately, so the officer at their usual desk gets in.
 *
 * Subjects arrive as digests (the caller decides what is being guessed at); sources as the keyed
 * hash of worker/abuse/source.ts, or "" when no address is known. Rows are swept by retention.
 */
import { and, count, eq, gt, sql } from "drizzle-orm";
import { database } from "../db/client";
import { guessFailures, knownSources } from "../db/schema";

export interface GuessPolicy {
  /** Wrong guesses from one source before that source is refused for the subject. */
  perSource: number;
  /** Wrong guesses from all sources together before every (unknown) source is refused. */
  perSubject: number;
  windowMs: number;
  /** Whether a source that guessed right is remembered and let through the subject-wide limit. */
  remembersSources: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A source the account signed in from within this time counts as the officer's own. */
export const KNOWN_SOURCE_LIFETIME_MS = 30 * DAY_MS;

export const SIGN_IN_GUESSES: GuessPolicy = { perSource: 5, perSubject: 20, windowMs: 15 * MINUTE_MS, remembersSources: true };
/** A code has no usual desk: once many sources have guessed at it, it waits out the window. */
export const RESUME_CODE_GUESSES: GuessPolicy = { perSource: 5, perSubject: 20, windowMs: 15 * MINUTE_MS, remembersSources: false };

/** "" stands for every caller without a known address, so it is never anyone's own desk. */
const UNKNOWN_SOURCE = "";

export async function guessesRefused(
  db: D1Database,
  policy: GuessPolicy,
  subject: string,
  source: string | null,
  now = Date.now(),
): Promise<boolean> {
  const orm = database(db);
  const from = source ?? UNKNOWN_SOURCE;
  const [tally] = await orm
    .select({
      all: count(),
      fromHere: sql<number | null>`sum(${guessFailures.sourceHash} = ${from})`.mapWith(Number),
    })
    .from(guessFailures)
    .where(and(eq(guessFailures.subjectHash, subject), gt(guessFailures.at, now - policy.windowMs)));
  if ((tally?.fromHere ?? 0) >= policy.perSource) return true;
  if ((tally?.all ?? 0) < policy.perSubject) return false;
  return !(policy.remembersSources && (await isKnownSource(db, subject, from, now)));
}

async function isKnownSource(db: D1Database, subject: string, source: string, now: number): Promise<boolean> {
  if (source === UNKNOWN_SOURCE) return false;
  const rows = await database(db)
    .select({ at: knownSources.lastSuccessAt })
    .from(knownSources)
    .where(
      and(
        eq(knownSources.subjectHash, subject),
        eq(knownSources.sourceHash, source),
        gt(knownSources.lastSuccessAt, now - KNOWN_SOURCE_LIFETIME_MS),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function recordWrongGuess(db: D1Database, subject: string, source: string | null, now = Date.now()): Promise<void> {
  await database(db).insert(guessFailures).values({ subjectHash: subject, sourceHash: source ?? UNKNOWN_SOURCE, at: now });
}

/**
 * The right secret from this source: its wrong guesses are forgiven (other sources' stay
 * counted, so a success here does not reset someone else's guessing), and for sign-in the source
 * becomes known.
 */
export async function recordRightGuess(
  db: D1Database,
  policy: GuessPolicy,
  subject: string,
  source: string | null,
  now = Date.now(),
): Promise<void> {
  const orm = database(db);
  const from = source ?? UNKNOWN_SOURCE;
  const forgive = orm.delete(guessFailures).where(and(eq(guessFailures.subjectHash, subject), eq(guessFailures.sourceHash, from)));
  if (!policy.remembersSources || from === UNKNOWN_SOURCE) {
    await forgive;
    return;
  }
  await orm.batch([
    forgive,
    orm
      .insert(knownSources)
      .values({ subjectHash: subject, sourceHash: from, lastSuccessAt: now })
      .onConflictDoUpdate({ target: [knownSources.subjectHash, knownSources.sourceHash], set: { lastSuccessAt: now } }),
  ]);
}
