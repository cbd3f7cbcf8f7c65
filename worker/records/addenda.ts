/**
 * Addenda: what is added to a record after it was sealed (a note, an assessment change, a
 * crime reference), chained on from the seal's head in D1. The sealed files are never touched.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { database } from "../db/client";
import { conversations, recordAddenda } from "../db/schema";
import { chainEntry } from "../transcripts/chain";
import type { EntryContent, RecordEntry } from "../shared/record/entry";
import { ADDENDA_FORMAT, type AddendaDocument } from "../shared/record/transcript";

export class NotSealedYet extends Error {}

/** Chains `content` after the record's last entry. Two at once: one wins the slot, the other retries. */
export async function appendAddendum(db: D1Database, conversationId: string, content: EntryContent): Promise<RecordEntry> {
  const orm = database(db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [sealed] = await orm
      .select({ head: conversations.chainHead, entries: conversations.chainEntries })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    if (!sealed?.head || sealed.entries === null) throw new NotSealedYet(conversationId);
    const [last] = await orm
      .select({ n: recordAddenda.n, digest: recordAddenda.digest })
      .from(recordAddenda)
      .where(eq(recordAddenda.conversationId, conversationId))
      .orderBy(desc(recordAddenda.n))
      .limit(1);
    const entry = chainEntry(last ? { n: last.n, head: last.digest } : { n: sealed.entries, head: sealed.head }, content);
    const inserted = await orm
      .insert(recordAddenda)
      .values({ conversationId, n: entry.n, entry: JSON.stringify(entry), digest: entry.digest })
      .onConflictDoNothing()
      .returning({ n: recordAddenda.n });
    if (inserted.length === 1) return entry;
  }
  throw new Error(`could not add to the record of ${conversationId}: too many writers at once`);
}

export async function addendaOf(db: D1Database, conversationId: string): Promise<RecordEntry[]> {
  const rows = await database(db)
    .select({ entry: recordAddenda.entry })
    .from(recordAddenda)
    .where(and(eq(recordAddenda.conversationId, conversationId)))
    .orderBy(asc(recordAddenda.n));
  // Read back as written by appendAddendum, from a chained entry; JSON.parse cannot say so itself.
  return rows.map((row) => JSON.parse(row.entry) as RecordEntry);
}

export function addendaDocument(conversationId: string, sealHead: string, entries: RecordEntry[]): AddendaDocument {
  return { format: ADDENDA_FORMAT, conversationId, sealHead, entries };
}
