/**
 * Blocks on a source, made when an officer ends a chat as abusive. Only the keyed hash of the
 * source is kept (see source.ts), with when the block ends and who made it; no address is
 * ever stored. Expired blocks are ignored, and deleted by the daily retention sweep.
 */
import { and, count, eq, gt, max, min } from "drizzle-orm";
import { database } from "../db/client";
import { blockedSources } from "../db/schema";
import type { BlockSummary } from "../shared/protocol";

export interface Block {
  sourceHashes: string[];
  until: number;
  conversationId: string;
  officerId: string;
  at: number;
}

export async function recordBlock(db: D1Database, block: Block): Promise<void> {
  const rows = [...new Set(block.sourceHashes)].map((sourceHash) => ({
    sourceHash,
    until: block.until,
    conversationId: block.conversationId,
    officerId: block.officerId,
    createdAt: block.at,
  }));
  if (rows.length > 0) await database(db).insert(blockedSources).values(rows);
}

export async function isBlocked(db: D1Database, sourceHash: string | null, now = Date.now()): Promise<boolean> {
  if (sourceHash === null) return false;
  const row = await database(db)
    .select({ until: blockedSources.until })
    .from(blockedSources)
    .where(and(eq(blockedSources.sourceHash, sourceHash), gt(blockedSources.until, now)))
    .limit(1);
  return row.length > 0;
}

/** Blocks in force, one line per chat that made them, newest first. */
export async function activeBlocks(db: D1Database, now = Date.now()): Promise<BlockSummary[]> {
  const rows = await database(db)
    .select({
      conversationId: blockedSources.conversationId,
      officerId: blockedSources.officerId,
      createdAt: min(blockedSources.createdAt),
      until: max(blockedSources.until),
      sources: count(),
    })
    .from(blockedSources)
    .where(gt(blockedSources.until, now))
    .groupBy(blockedSources.conversationId, blockedSources.officerId);
  return rows
    .map((row) => ({ ...row, createdAt: Number(row.createdAt), until: Number(row.until) }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Lifts the block a chat made, at once. Returns how many sources it freed (0: none in force). */
export async function liftBlock(db: D1Database, conversationId: string, now = Date.now()): Promise<number> {
  const lifted = await database(db)
    .delete(blockedSources)
    .where(and(eq(blockedSources.conversationId, conversationId), gt(blockedSources.until, now)))
    .returning({ sourceHash: blockedSources.sourceHash });
  return lifted.length;
}
