/**
 * The periodic copy of a live chat, run by alarm, so a chat that never ends cleanly is still
 * kept: new messages to D1, and the record's new entries to R2. It costs what is new since the
 * last copy, however long the chat: nothing already copied is read or written again.
 *
 * The live copy in R2 is a set of parts under `transcripts/<id>/live/`, one a copy, each named
 * by the number of its first entry and holding the chained entries from there on: together
 * (`readLiveCopy`) they are the record so far, which `buildTranscript` and `checkChain` read
 * like any other. A copy retried after a failure writes the same part again, with anything
 * newer. Sealing deletes the parts (`deleteLiveCopy`); the retention sweep deletes whatever is
 * under the conversation's folder.
 */
import type { ChatMessage } from "../shared/protocol";
import { inGroupsOf } from "../shared/in-groups";
import { canonicalJson } from "../transcripts/canonical-json";
import { copyToD1, messageDigests, type ArchivedConversation } from "./d1-copy";
import type { RecordEntry } from "../shared/record/entry";

/** Where code before the parts kept one whole working transcript: deleted at sealing too. */
export const liveKey = (conversationId: string) => `transcripts/${conversationId}/live.json`;

const partsOf = (conversationId: string) => `transcripts/${conversationId}/live/`;
/** Padded, so the parts list in the order of the record. */
const partKey = (conversationId: string, firstEntry: number) => `${partsOf(conversationId)}${String(firstEntry).padStart(10, "0")}.json`;

/** What a live copy holds once written: messages up to `seq` in D1, entries up to `n` in R2. */
export interface Copied {
  seq: number;
  n: number;
}

/**
 * Copies `chat` (the messages after `record.flushedSeq`) to D1 and `entries` (the record's
 * entries after `record.liveCopiedN`) to a new part in R2.
 */
export async function flush(
  env: Pick<Env, "DB" | "TRANSCRIPTS">,
  record: ArchivedConversation & { liveCopiedN: number },
  chat: ChatMessage[],
  entries: RecordEntry[],
): Promise<Copied> {
  await copyToD1(env, record, chat, { digests: messageDigests(entries) });
  const first = entries[0];
  if (first) {
    await env.TRANSCRIPTS.put(partKey(record.id, first.n), canonicalJson({ conversationId: record.id, entries }), {
      httpMetadata: { contentType: "application/json" },
    });
  }
  return { seq: chat.at(-1)?.seq ?? record.flushedSeq, n: entries.at(-1)?.n ?? record.liveCopiedN };
}

/** The record so far as the live copy holds it, in order. */
export async function readLiveCopy(bucket: R2Bucket, conversationId: string): Promise<RecordEntry[]> {
  const entries: RecordEntry[] = [];
  for (const key of await liveKeys(bucket, conversationId)) {
    const part = await bucket.get(key);
    if (part) entries.push(...(JSON.parse(await part.text()) as { entries: RecordEntry[] }).entries);
  }
  return entries;
}

/** Removes the live copy, once the sealed transcript holds everything it did. */
export async function deleteLiveCopy(bucket: R2Bucket, conversationId: string): Promise<void> {
  const keys = [liveKey(conversationId), ...(await liveKeys(bucket, conversationId))];
  // R2 deletes at most 1,000 keys a call: a chat of many hours has that many parts.
  for (const group of inGroupsOf(keys, 1000)) await bucket.delete(group);
}

async function liveKeys(bucket: R2Bucket, conversationId: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const listed = await bucket.list({ prefix: partsOf(conversationId), cursor });
    keys.push(...listed.objects.map((o) => o.key));
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  return keys.sort();
}
