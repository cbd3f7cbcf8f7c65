/**
 * The periodic copy of a live chat, run by alarm: new messages to D1 and a working copy of the
 * record to `transcripts/<id>/live.json`, so a chat that never ends cleanly is still kept.
 * The working copy is replaced by the sealed transcript when the chat ends.
 */
import type { ChatMessage } from "../shared/protocol";
import type { ConversationRecord } from "../rooms/conversation-store";
import { canonicalJson } from "./canonical-json";
import { copyToD1, messageDigests } from "./d1-copy";
import { buildTranscript } from "./document";
import type { RecordEntry } from "../shared/record/entry";

export const liveKey = (conversationId: string) => `transcripts/${conversationId}/live.json`;

/** Returns the highest seq now safely in D1. */
export async function flush(
  env: Pick<Env, "DB" | "TRANSCRIPTS">,
  record: ConversationRecord,
  chat: ChatMessage[],
  entries: RecordEntry[],
): Promise<number> {
  await copyToD1(env, record, chat, { digests: messageDigests(entries) });
  await env.TRANSCRIPTS.put(liveKey(record.id), canonicalJson(buildTranscript(entries)), {
    httpMetadata: { contentType: "application/json" },
  });
  return chat.at(-1)?.seq ?? record.flushedSeq;
}
