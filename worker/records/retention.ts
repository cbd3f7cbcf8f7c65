/**
 * Retention: the daily Cron Trigger deletes the records of chats that ended more than
 * RETENTION_DAYS ago, unless they are linked to a crime reference or under a legal hold.
 *
 * For each one it deletes, in this order: the files in R2 (sealed JSON and PDF, any working
 * copy), the conversation's Durable Object storage (already empty once sealed; this catches one
 * whose seal never completed), and in D1 its messages, assessment entries and addenda and the
 * notes in its queue events. The conversation row stays, with its content gone and `erased_at`
 * set, so service statistics still count it; nothing left identifies the victim. Every deletion
 * is written to the audit log. A deletion that fails part-way is finished by the next run.
 *
 * The sweep also clears other personal data past the same period: cached translations (they hold
 * message text), expired resume codes, old wrong guesses and known sign-in sources, expired sessions
 * and expired blocks.
 */
import { and, asc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import { retentionSettings } from "../config";
import { log } from "../log";
import { database } from "../db/client";
import {
  assessmentEntries,
  blockedSources,
  conversations,
  messages,
  officerSessions,
  queueEvents,
  recordAddenda,
  resumeCodes,
  guessFailures,
  knownSources,
  translationCache,
} from "../db/schema";
import { getConversation } from "../rooms/stubs";
import type { RetentionPreview } from "../shared/protocol";
import { audit, RETENTION_ACTOR } from "./audit";
import { KNOWN_SOURCE_LIFETIME_MS } from "../auth/guess-limits";

const DAY_MS = 86_400_000;
/** Records deleted per batch; the sweep takes batches until nothing is due. */
const BATCH = 50;
/** Sign-in failures are kept this long for the lockout, then removed. */
const SIGN_IN_FAILURES_KEPT_MS = DAY_MS;

type RetentionEnv = Pick<Env, "DB" | "TRANSCRIPTS" | "Conversation" | "RETENTION_DAYS" | "RETENTION_NOTICE_DAYS">;

/** Ended, past the period, not linked, not held, not yet erased. */
function dueBefore(cutoff: number) {
  return and(
    eq(conversations.status, "ended"),
    lt(conversations.endedAt, cutoff),
    isNull(conversations.erasedAt),
    isNull(conversations.crimeReference),
    isNull(conversations.legalHoldAt),
  );
}

export interface RetentionReport {
  erased: string[];
  failed: string[];
}

export async function runRetention(env: RetentionEnv, now: number): Promise<RetentionReport> {
  const { retentionDays } = retentionSettings(env);
  const cutoff = now - retentionDays * DAY_MS;
  const report: RetentionReport = { erased: [], failed: [] };
  const orm = database(env.DB);
  for (;;) {
    const due = await orm
      .select()
      .from(conversations)
      .where(dueBefore(cutoff))
      .orderBy(asc(conversations.endedAt))
      .limit(BATCH);
    const fresh = due.filter((row) => !report.failed.includes(row.id));
    if (fresh.length === 0) break;
    for (const row of fresh) {
      try {
        await erase(env, row, retentionDays, now);
        report.erased.push(row.id);
      } catch (error) {
        // The next run tries again.
        log.error("retention.delete-failed", { conversationId: row.id, error });
        report.failed.push(row.id);
      }
    }
  }
  await sweepOtherData(env.DB, now, cutoff);
  log.info("retention.finished", { erased: report.erased.length, failed: report.failed.length });
  return report;
}

async function erase(env: RetentionEnv, row: typeof conversations.$inferSelect, retentionDays: number, now: number) {
  const prefix = `transcripts/${row.id}/`;
  let listed = await env.TRANSCRIPTS.list({ prefix });
  for (;;) {
    const keys = listed.objects.map((o) => o.key);
    if (keys.length > 0) await env.TRANSCRIPTS.delete(keys);
    if (!listed.truncated) break;
    listed = await env.TRANSCRIPTS.list({ prefix, cursor: listed.cursor });
  }
  await (await getConversation(env as Env, row.id)).eraseRecord();
  const orm = database(env.DB);
  await orm.batch([
    orm.delete(messages).where(eq(messages.conversationId, row.id)),
    orm.delete(assessmentEntries).where(eq(assessmentEntries.conversationId, row.id)),
    orm.delete(recordAddenda).where(eq(recordAddenda.conversationId, row.id)),
    // Transfer and hand-over notes may say something about the victim; the times stay for statistics.
    orm.update(queueEvents).set({ detail: null }).where(eq(queueEvents.conversationId, row.id)),
    orm
      .update(conversations)
      .set({ erasedAt: now, transcriptKey: null, pdfKey: null, victimTokenHash: null, threadId: null })
      .where(eq(conversations.id, row.id)),
  ]);
  await audit(env.DB, RETENTION_ACTOR, "delete", {
    conversationId: row.id,
    justification: `Retention period of ${retentionDays} days ended; not linked to a crime reference and not under a legal hold.`,
    detail: { endedAt: row.endedAt, transcriptSha256: row.transcriptSha256, pdfSha256: row.pdfSha256 },
  });
}

async function sweepOtherData(db: D1Database, now: number, cutoff: number) {
  const orm = database(db);
  await orm.batch([
    orm.delete(translationCache).where(lt(translationCache.createdAt, cutoff)),
    orm.delete(resumeCodes).where(lt(resumeCodes.expiresAt, now)),
    orm.delete(guessFailures).where(lt(guessFailures.at, now - SIGN_IN_FAILURES_KEPT_MS)),
    orm.delete(knownSources).where(lt(knownSources.lastSuccessAt, now - KNOWN_SOURCE_LIFETIME_MS)),
    orm.delete(officerSessions).where(lt(officerSessions.expiresAt, now)),
    orm.delete(blockedSources).where(lt(blockedSources.until, now)),
  ]);
}

/** What the sweep will delete within the notice period, soonest first: for admins to review. */
export async function retentionPreview(env: RetentionEnv, now: number): Promise<RetentionPreview> {
  const { retentionDays, noticeDays } = retentionSettings(env);
  const rows = await database(env.DB)
    .select({ conversationId: conversations.id, endedAt: conversations.endedAt, officerId: conversations.officerId })
    .from(conversations)
    .where(and(dueBefore(now - (retentionDays - noticeDays) * DAY_MS), isNotNull(conversations.endedAt)))
    .orderBy(asc(conversations.endedAt))
    .limit(500);
  return {
    retentionDays,
    noticeDays,
    due: rows.map((row) => ({
      conversationId: row.conversationId,
      endedAt: row.endedAt!,
      deletesAt: row.endedAt! + retentionDays * DAY_MS,
      officerId: row.officerId,
    })),
  };
}

