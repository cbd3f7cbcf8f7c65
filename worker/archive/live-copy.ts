/**
 * The periodic copy of a live chat, run by alarm: new messages to D1 and a working copy of the
 * record to `transcripts/<id>/live.json`, so a chat that never ends cleanly is still kept.
 * The working copy is replaced by the sealed transcript when the chat ends.
 */
import type { ChatMessage } from "../shared/protocol";
import { canonicalJson } from "../transcripts/canonical-json";
import { copyToD1, messageDigests, type ArchivedConversation } from "./d1-copy";
import { buildTranscript } from "../transcripts/document";
import type { RecordEntry } from "../shared/record/entry";

export const liveKey = (conversationId: string) => `transcripts/${conversationId}/live.json`;

/** Returns the highest seq now safely in D1. */
export async function flush(
  env: Pick<Env, "DB" | "TRANSCRIPTS">,
  record: ArchivedConversation,
  chat: ChatMessage[],
  entries: RecordEntry[],
): Promise<number> {
  await copyToD1(env, record, chat, { digests: messageDigests(entries) });
  await env.TRANSCRIPTS.put(liveKey(record.id), canonicalJson(buildTranscript(entries)), {
    httpMetadata: { contentType: "application/json" },
  });
  return chat.at(-1)?.seq ?? record.flushedSeq;
}
