/**
 * Writing into a chat's record from the console (a note, the outcome, a DASH change): into the
 * live chain while the chat is going, else chained onto its sealed record as an addendum. The
 * one place that decides which, so nothing an officer writes after a chat ends is dropped.
 *
 * **Who may write** while the chat is live is the Conversation Durable Object's decision (it
 * knows who is in the chat now); once it has ended, it is whoever may read the record.
 *
 * Between the end and the seal reaching D1 there is a short window in which neither can take
 * the write: the answer is then `being-sealed`, which the console retries.
 */
import type { Officer } from "../shared/protocol";
import { conversationRow } from "../db/conversations";
import type { RecordWrite } from "../rooms/conversation/officer-writes";
import { getConversation } from "../rooms/stubs";
import type { EntryContent, RecordEntry } from "../shared/record/entry";
import { mayReadConversation } from "./access";
import { appendAddendum, NotSealedYet } from "./addenda";
import { audit } from "./audit";
import { readableRecord } from "./search";

type ConversationRow = NonNullable<Awaited<ReturnType<typeof conversationRow>>>;
type ConversationStub = Awaited<ReturnType<typeof getConversation>>;

/** Why a write was refused: the HTTP status, a code for programs and a sentence for people. */
export interface RecordWriteRefusal {
  ok: false;
  status: 403 | 404 | 409 | 410;
  code: "not-found" | "not-allowed" | "being-sealed" | "erased";
  message: string;
}

export type RecordWritten<T> =
  | { ok: true; value: T; addendum: null }
  | { ok: true; value: T; addendum: RecordEntry; record: ConversationRow }
  | RecordWriteRefusal;

export interface RecordWriteOf<T> {
  /** The write into the live chat. "conversation-ended" sends it to the sealed record instead. */
  live: (chat: ConversationStub) => Promise<RecordWrite<T>>;
  /** Once ended: the value to answer with and the entry that carries it in the record. */
  sealed: (at: number) => { value: T; content: EntryContent };
  /** What the audit log says about the addendum (every change to a sealed record is logged). */
  justification: string;
  /** Said when the live chat refuses a writer who may see it (a supervisor reading along). */
  notAllowed: string;
}

const refusal = (status: RecordWriteRefusal["status"], code: RecordWriteRefusal["code"], message: string): RecordWriteRefusal => ({
  ok: false,
  status,
  code,
  message,
});
const NOT_FOUND = refusal(404, "not-found", "There is no such conversation of yours.");
export const BEING_SEALED = refusal(409, "being-sealed", "This chat's record is still being sealed. It can be added to in a moment.");
export const ERASED = refusal(410, "erased", "This record was deleted when its retention period ended.");

export async function writeIntoRecord<T>(
  env: Env,
  officer: Officer,
  conversationId: string,
  write: RecordWriteOf<T>,
): Promise<RecordWritten<T>> {
  const row = await conversationRow(env.DB, conversationId);
  if (!row) return NOT_FOUND;
  if (row.status !== "ended") {
    const live = await write.live(await getConversation(env, conversationId));
    if (live.ok) return { ok: true, value: live.value, addendum: null };
    if (live.code === "not-allowed") {
      return (await mayReadConversation(env.DB, officer, row)) ? refusal(403, "not-allowed", write.notAllowed) : NOT_FOUND;
    }
    // "conversation-ended": it ended after D1 was read, so the write goes to the sealed record.
  }
  const record = await readableRecord(env.DB, officer, conversationId);
  if (!record) return (await stillSealing(env.DB, officer, conversationId)) ? BEING_SEALED : NOT_FOUND;
  if (record.erasedAt !== null) return ERASED;
  const { value, content } = write.sealed(Date.now());
  const addendum = await addToSealedRecord(env.DB, officer, record.id, content, write.justification);
  if (!addendum) return BEING_SEALED;
  return { ok: true, value, addendum, record };
}

/**
 * Chains `content` onto a sealed record and logs it, attributed to `officer`. Null while the seal
 * has not reached D1 yet (the caller answers `being-sealed`). The caller has checked access.
 */
export async function addToSealedRecord(
  db: D1Database,
  officer: Pick<Officer, "id" | "role">,
  conversationId: string,
  content: EntryContent,
  justification: string,
): Promise<RecordEntry | null> {
  let added: RecordEntry;
  try {
    added = await appendAddendum(db, conversationId, content);
  } catch (error) {
    if (error instanceof NotSealedYet) return null;
    throw error;
  }
  await audit(db, { id: officer.id, role: officer.role }, "addendum", {
    conversationId,
    justification,
    detail: { entry: added.n, kind: added.kind },
  });
  return added;
}

/**
 * The chat has ended in its Durable Object but D1 does not say so yet: sealing copies the end to
 * D1. Whoever may see the live chat is told to wait, anyone else that there is no such chat.
 */
async function stillSealing(db: D1Database, officer: Officer, conversationId: string): Promise<boolean> {
  const row = await conversationRow(db, conversationId);
  return row !== null && row.status !== "ended" && (await mayReadConversation(db, officer, row));
}
