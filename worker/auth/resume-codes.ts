/**
 * Resume codes link a returning victim's new chat to their earlier ones, and are the only way
 * the service knows someone has come back. The words are never stored, only their SHA-256;
 * the PIN is stored as a PBKDF2 hash; codes expire.
 *
 * **A code starts one chat, and a chat has one code.** Redeeming marks the code used in the same
 * statement that checks it is unused, so two tries at once start one chat; taking a new code for
 * a chat replaces the old one. Wrong PINs are limited per code and source (guess-limits.ts), so a
 * stranger who knows the words cannot lock the owner out.
 * **Every refusal is the same refusal, after the same work**: an unknown, expired, used or
 * locked code and a wrong PIN all cost one PBKDF2 check and all answer "no match", so neither the
 * answer nor its timing tells whether a code exists.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { database } from "../db/client";
import { resumeCodes } from "../db/schema";
import { RESUME_CODE_GUESSES, guessesRefused, recordRightGuess, recordWrongGuess } from "./guess-limits";
import { hashPassword, verifyPassword } from "./passwords";
import { codeKey } from "./resume-code-text";
import { resumeWordsFor } from "./resume-words";
import { sha256Hex } from "./secrets";

export const WORDS_PER_CODE = 4;

/**
 * "Apple,  RIVER stone-kite" and "apple river stone kite" are the same code, and so are "żółw"
 * and "ZOLW" (resume-code-text.ts). Also the subject its wrong PINs are counted under in
 * guess_failures. Codes in every language are matched alike, so one taken on a Polish page
 * starts a chat from a page in any language.
 */
const codeDigest = (code: string) => sha256Hex(`quietline resume code: ${codeKey(code)}`);

/** Four words from a list of 256 (one random byte each, so every word is as likely). */
export function newCode(words: readonly string[]): string {
  const picks = crypto.getRandomValues(new Uint8Array(WORDS_PER_CODE));
  return [...picks].map((i) => words[i % words.length]).join(" ");
}

/**
 * A new code for the chat, in the words of the victim's page language (English when it has no
 * list), replacing any code the chat had: the old words stop working at once.
 */
export async function issueResumeCode(
  db: D1Database,
  options: { threadId: string; conversationId: string; pin: string; validDays: number; language?: string; now?: number },
): Promise<{ code: string; language: string }> {
  const now = options.now ?? Date.now();
  const { language, words } = resumeWordsFor(options.language);
  const code = newCode(words);
  const orm = database(db);
  const row = {
    codeHash: await codeDigest(code),
    threadId: options.threadId,
    pinHash: await hashPassword(options.pin),
    issuedFor: options.conversationId,
    createdAt: now,
    expiresAt: now + options.validDays * 24 * 60 * 60_000,
  };
  await orm.batch([
    orm.delete(resumeCodes).where(eq(resumeCodes.issuedFor, options.conversationId)),
    orm.insert(resumeCodes).values(row),
  ]);
  return { code, language };
}

/** Checked against when there is no real PIN hash to check, so every refusal costs the same. */
let decoyPinHash: Promise<string> | undefined;

/**
 * The thread the code belongs to, with the code now used; or null, for every kind of refusal.
 * `source` is the caller's keyed source hash (null when unknown).
 */
export async function redeemResumeCode(
  db: D1Database,
  attempt: { code: string; pin: string },
  source: string | null,
  now = Date.now(),
): Promise<{ threadId: string } | null> {
  const orm = database(db);
  const codeHash = await codeDigest(attempt.code);
  const refused = await guessesRefused(db, RESUME_CODE_GUESSES, codeHash, source, now);
  const row = (await orm.select().from(resumeCodes).where(eq(resumeCodes.codeHash, codeHash)).limit(1))[0];
  const usable = !refused && row !== undefined && row.usedAt === null && row.expiresAt > now;
  decoyPinHash ??= hashPassword("decoy PIN for codes that cannot be used");
  const pinMatches = await verifyPassword(attempt.pin, usable ? row.pinHash : await decoyPinHash);
  if (!usable) {
    // A refused source's tries are not guesses (nothing was checked), so they do not stretch the lock.
    if (!refused) await recordWrongGuess(db, codeHash, source, now);
    return null;
  }
  if (!pinMatches) {
    await recordWrongGuess(db, codeHash, source, now);
    return null;
  }
  // Whoever marks it used first starts the chat; a try at the same moment finds it used.
  const claimed = await orm
    .update(resumeCodes)
    .set({ usedAt: now })
    .where(and(eq(resumeCodes.codeHash, codeHash), isNull(resumeCodes.usedAt), gt(resumeCodes.expiresAt, now)))
    .returning({ threadId: resumeCodes.threadId });
  if (!claimed[0]) return null;
  await recordRightGuess(db, RESUME_CODE_GUESSES, codeHash, source, now);
  return claimed[0];
}
