/**
 * Resume codes link a returning victim's new chat to their earlier ones, and are the only way
 * the service knows someone has come back. The words are never stored, only their SHA-256;
 * the PIN is stored as a PBKDF2 hash; wrong PINs are counted and lock the code; codes expire.
 */
import { eq } from "drizzle-orm";
import { database } from "../db/client";
import { resumeCodes } from "../db/schema";
import { hashPassword, verifyPassword } from "./passwords";
import { RESUME_WORDS } from "./resume-words";
import { sha256Hex } from "./secrets";

export const WORDS_PER_CODE = 4;

/** "Apple,  RIVER stone-kite" and "apple river stone kite" are the same code. */
export function normaliseCode(code: string): string {
  return code
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .join(" ");
}

const codeDigest = (code: string) => sha256Hex(`quietline resume code: ${normaliseCode(code)}`);

export function newCode(): string {
  const picks = crypto.getRandomValues(new Uint8Array(WORDS_PER_CODE));
  return [...picks].map((i) => RESUME_WORDS[i % RESUME_WORDS.length]).join(" ");
}

export async function issueResumeCode(
  db: D1Database,
  options: { threadId: string; conversationId: string; pin: string; validDays: number; now?: number },
): Promise<string> {
  const now = options.now ?? Date.now();
  const code = newCode();
  await database(db)
    .insert(resumeCodes)
    .values({
      codeHash: await codeDigest(code),
      threadId: options.threadId,
      pinHash: await hashPassword(options.pin),
      issuedFor: options.conversationId,
      createdAt: now,
      expiresAt: now + options.validDays * 24 * 60 * 60_000,
    });
  return code;
}

export type Redemption =
  | { ok: true; threadId: string }
  | { ok: false; reason: "no-match"; triesLeft: number | null }
  | { ok: false; reason: "locked" };

export async function redeemResumeCode(db: D1Database, code: string, pin: string, now = Date.now()): Promise<Redemption> {
  const orm = database(db);
  const codeHash = await codeDigest(code);
  const row = (await orm.select().from(resumeCodes).where(eq(resumeCodes.codeHash, codeHash)).limit(1))[0];
  if (!row || row.expiresAt <= now) {
    // Same cost as a real check, so timing does not tell a code exists.
    await verifyPassword(pin, await hashPassword("0000"));
    return { ok: false, reason: "no-match", triesLeft: null };
  }
  if (row.usedAt !== null) return { ok: false, reason: "no-match", triesLeft: null };
  if (await verifyPassword(pin, row.pinHash)) return { ok: true, threadId: row.threadId };
  return { ok: false, reason: "no-match", triesLeft: null };
}
