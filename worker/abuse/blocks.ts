/**
 * Blocks on a source, made when an officer ends a chat as abusive. Only the keyed hash of the
 * source is kept (see source.ts), with when the block ends and who made it; no address is
 * ever stored. Expired blocks are ignored, and deleted by the daily retention sweep.
 */
import { and, eq, gt } from "drizzle-orm";
import { database } from "../db/client";
import { blockedSources } from "../db/schema";

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
