/**
 * The officer's private notes and the chat's outcome, from the console. Plain HTTP rather than
 * the chat's socket, so each one is attributed to the signed-in officer, confirmed when stored,
 * and still accepted after the chat has ended (then as an addendum to its sealed record).
 */
import { eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { database } from "../db/client";
import { conversationRow } from "../db/conversations";
import { getConversation } from "../rooms/stubs";
import { conversations } from "../db/schema";
import { readBody } from "../http/body";
import { apiError } from "../http/errors";
import { allow, type OfficerEnv } from "../http/require-officer";
import { writeIntoRecord, type RecordWritten } from "../records/record-writes";
import { outcomeOf } from "../rooms/conversation/officer-writes";
import { NoteRequest, OpaqueId, OutcomeRequest, type Outcome, type PrivateNote } from "../shared/protocol";
import { entry } from "../transcripts/entries";

export const chatRecordRoutes = new Hono<OfficerEnv>();

chatRecordRoutes.use("/:id/notes", allow("use-console"));
chatRecordRoutes.use("/:id/outcome", allow("use-console"));
chatRecordRoutes.use("/:id/private-messages", allow("message-officer-privately"));

const NOT_IN_CHAT = "Only the officer in the chat writes its notes and outcome.";

function answer<T>(c: Context<OfficerEnv>, written: RecordWritten<T>) {
  if (!written.ok) return apiError(c, written.status, written.code, written.message);
  return c.json(written.value, 201);
}

chatRecordRoutes.post("/:id/notes", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  if (!id.success) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const body = await readBody(c, NoteRequest);
  if (!body.ok) return body.response;
  const officerId = c.var.officer.id;
  const { text } = body.data;
  const written = await writeIntoRecord<PrivateNote>(c.env, c.var.officer, id.data, {
    live: (chat) => chat.addNote(officerId, text),
    sealed: (at) => {
      const note = { at, officerId, text };
      return { value: note, content: entry.note(note) };
    },
    justification: "Added a note to the record after the chat ended.",
    notAllowed: NOT_IN_CHAT,
  });
  return answer(c, written);
});

chatRecordRoutes.post("/:id/outcome", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  if (!id.success) return apiError(c, 404, "not-found", "There is no such conversation of yours.");
  const body = await readBody(c, OutcomeRequest);
  if (!body.ok) return body.response;
  const officerId = c.var.officer.id;
  const request = body.data;
  const written = await writeIntoRecord<Outcome>(c.env, c.var.officer, id.data, {
    live: (chat) => chat.recordOutcome(officerId, request),
    sealed: (at) => {
      const outcome = outcomeOf(request, officerId, at);
      return { value: outcome, content: entry.outcome(outcome) };
    },
    justification: "Recorded the chat's outcome after it ended.",
    notAllowed: NOT_IN_CHAT,
  });
  if (written.ok && written.addendum) {
    // Sealing copied the outcome known then into D1; Records and search read it from there. An
    // outcome without a crime reference leaves one linked earlier in place.
    const { outcome, crimeReference } = written.value;
    await database(c.env.DB)
      .update(conversations)
      .set(crimeReference ? { outcome, crimeReference } : { outcome })
      .where(eq(conversations.id, written.record.id));
  }
  return answer(c, written);
});

/**
 * A supervisor's private message to the officer who has a live chat: a note that names them
 * both (Conversation.addPrivateMessage), so staff see it and the record keeps it, and the victim
 * never does. Only while the chat is with an officer: afterwards there is nobody to read it.
 */
chatRecordRoutes.post("/:id/private-messages", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const row = id.success ? await conversationRow(c.env.DB, id.data) : null;
  if (!row) return apiError(c, 404, "not-found", "There is no such conversation.");
  const body = await readBody(c, NoteRequest);
  if (!body.ok) return body.response;
  const { id: officerId, displayName } = c.var.officer;
  const written = await (await getConversation(c.env, row.id)).addPrivateMessage({ officerId, displayName }, body.data.text);
  if (written.ok) return c.json(written.value, 201);
  return written.code === "conversation-ended"
    ? apiError(c, 409, "conversation-ended", "This chat has ended, so its officer is no longer in it.")
    : apiError(c, 409, "no-officer", "No officer has this chat yet. Send it once an officer has accepted it.");
});
