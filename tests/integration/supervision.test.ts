/**
 * The supervision page's data and a supervisor's private message to an officer: what the
 * Dispatcher tells supervisors of each live chat (and never plain officers), and a private
 * message that the officer's console shows, the record keeps and the victim never receives.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { DispatcherServerFrame, WatchedChat } from "../../worker/shared/protocol";
import type { RecordEntry } from "../../worker/shared/record/entry";
import { activeChat, call, connectOfficer, connectQueue, connectVictim, drainQueue, signedInOfficer, startConversation, type DispatcherSocket } from "./harness";

type Overview = Extract<DispatcherServerFrame, { type: "overview" }>;

beforeEach(drainQueue);

function post(path: string, body: unknown, cookie: string) {
  return call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
}
const privateMessage = (id: string, cookie: string, text: string) => post(`/api/conversations/${id}/private-messages`, { text }, cookie);

/** The supervisor's row for a chat, once an overview shows it as `until` wants. */
async function watched(queue: DispatcherSocket, conversationId: string, until: (chat: WatchedChat) => boolean): Promise<WatchedChat> {
  const matches = (frame: Overview) => frame.chats.some((c) => c.conversationId === conversationId && until(c));
  const frame = await queue.next("overview", matches);
  return frame.chats.find((c) => c.conversationId === conversationId)!;
}

async function recordEntries(conversationId: string): Promise<RecordEntry[]> {
  const rows = await env.DB.prepare("SELECT entry FROM record_addenda WHERE conversation_id = ?").bind(conversationId).all();
  expect(rows.results).toEqual([]);
  const row = await env.DB.prepare("SELECT transcript_key FROM conversations WHERE id = ?").bind(conversationId).first<{ transcript_key: string }>();
  const transcript = JSON.parse(await (await env.TRANSCRIPTS.get(row!.transcript_key))!.text()) as { entries: RecordEntry[] };
  return transcript.entries;
}

describe("the supervision page's picture of live chats", () => {
  it("tells supervisors each chat's language, the victim's last words' time, DASH progress, a shared location and why its priority was raised", async () => {
    const supervisor = await signedInOfficer("supervisor");
    const watching = await connectQueue(supervisor.cookie);
    const officer = await signedInOfficer();
    const officerQueue = await connectQueue(officer.cookie);
    await officerQueue.next("me");

    const waiting = await startConversation("pl");
    officerQueue.send({ type: "raise-priority", conversationId: waiting.conversationId, reason: "Mentioned a knife" });
    expect(await watched(watching, waiting.conversationId, (c) => c.priorityReason !== null)).toMatchObject({
      language: "pl",
      lastVictimAt: null,
      priorityReason: "Mentioned a knife",
      grade: null,
      answered: 0,
      questions: 27,
      locationShared: false,
    });

    const { started, victim, officer: assigned } = await activeChat("en");
    const id = started.conversationId;
    const before = Date.now();
    victim.send({ type: "send", id: "victim-1", text: "Dzień dobry, potrzebuję pomocy. Mój mąż mnie bije i boję się wrócić do domu." });
    await victim.next("ack");
    const wrote = await watched(watching, id, (c) => c.lastVictimAt !== null);
    expect(wrote.lastVictimAt).toBeGreaterThanOrEqual(before);
    expect(wrote.language).toBe("pl");

    const answered = await post(`/api/conversations/${id}/assessment`, { kind: "answer", questionId: "injury", answer: "yes" }, assigned.cookie);
    expect(answered.status).toBe(201);
    expect(await watched(watching, id, (c) => c.answered === 1)).toMatchObject({ grade: "standard", questions: 27, maracReferral: false });

    victim.send({ type: "location", latitude: 51.5, longitude: -0.12, accuracy: 30 });
    await watched(watching, id, (c) => c.locationShared);

    // A plain officer's console is told none of it: no overview frame at all.
    officerQueue.send({ type: "set-status", status: "busy" });
    await officerQueue.next("me", (f) => f.status === "busy");
    await expect(officerQueue.next("overview", () => true, 300)).rejects.toThrow(/no "overview" frame/);

    // An ended chat stays in the picture, marked, while its officer wraps it up; then it goes.
    victim.send({ type: "end" });
    await victim.next("ended");
    const ended = await watched(watching, id, (c) => c.ended !== null);
    expect(ended.ended).toEqual({ reason: "victim-ended", at: expect.any(Number), officerId: assigned.id });
    // Both wait for the seal, as the console's retries do.
    await expect.poll(async () => (await post(`/api/conversations/${id}/outcome`, { outcome: "advice-given" }, assigned.cookie)).status).toBe(201);
    await expect.poll(async () => (await post(`/api/me/conversations/${id}/wrapped-up`, {}, assigned.cookie)).status).toBe(204);
    await watching.next("overview", (f) => !f.chats.some((c) => c.conversationId === id) && !f.active.some((a) => a.conversationId === id));
  });

  it("shows a chat that ended by a quick exit as such while it is wrapped up, and a chat that ended waiting not at all", async () => {
    const supervisor = await signedInOfficer("supervisor");
    const watching = await connectQueue(supervisor.cookie);
    const { started, officer } = await activeChat("en");
    const exited = await call(`/api/conversations/${started.conversationId}/quick-exit`, { method: "POST", body: started.token });
    expect(exited.status).toBe(204);
    const row = await watched(watching, started.conversationId, (c) => c.ended !== null);
    expect(row.ended).toMatchObject({ reason: "quick-exit", officerId: officer.id });

    const waiting = await startConversation();
    const victim = await connectVictim(waiting);
    await victim.next("welcome");
    victim.send({ type: "end" });
    await victim.next("ended");
    await watching.next("overview", (f) => !f.chats.some((c) => c.conversationId === waiting.conversationId && c.ended !== null));
  });
});

describe("a supervisor's private message to the officer of a chat", () => {
  it("reaches the officer's console, is kept in the record, and never reaches the victim", async () => {
    const { started, victim, chat, officer } = await activeChat();
    const id = started.conversationId;
    const supervisor = await signedInOfficer("supervisor");
    const { officer: signedIn } = (await (await call("/api/session", { headers: { Cookie: supervisor.cookie } })).json()) as { officer: { displayName: string } };

    const sent = await privateMessage(id, supervisor.cookie, "Ask whether the children are safe before anything else.");
    expect(sent.status).toBe(201);
    const note = (await chat.next("note")).note;
    expect(note).toMatchObject({
      officerId: supervisor.id,
      text: "Ask whether the children are safe before anything else.",
      privateMessage: { fromName: signedIn.displayName, toOfficerId: officer.id },
    });

    // The victim's socket gets the officer's next message and nothing of the private one,
    // and their page's welcome after a reconnect holds no notes.
    chat.send({ type: "send", id: "officer-1", text: "Are the children with you?" });
    await victim.next("message", (f) => f.message.text === "Are the children with you?");
    await expect(victim.next("note", () => true, 200)).rejects.toThrow();
    const again = await connectVictim(started);
    expect(await again.next("welcome")).toMatchObject({ notes: [] });
    // The officer's console, opened again, still shows it.
    const reopened = await connectOfficer(id, officer.cookie);
    expect((await reopened.next("welcome")).notes).toEqual([note]);
    reopened.close();

    // Sealed into the record as a hash-chained note that names the supervisor and the officer.
    chat.send({ type: "end" });
    await chat.closedWith();
    const entries = await recordEntries(id);
    const kept = entries.find((e) => e.kind === "note");
    expect(kept).toMatchObject({
      by: { role: "officer", officerId: supervisor.id },
      data: { text: "Ask whether the children are safe before anything else.", privateMessage: { toOfficerId: officer.id } },
      digest: expect.any(String),
    });
  });

  it("is refused to plain officers, the chat's own officer included, and to a chat no officer has", async () => {
    const { started, chat, officer } = await activeChat();
    const id = started.conversationId;
    const other = await signedInOfficer();
    for (const cookie of [officer.cookie, other.cookie]) {
      expect((await privateMessage(id, cookie, "Pretending to be a sergeant")).status).toBe(403);
    }
    await expect(chat.next("note", () => true, 200)).rejects.toThrow();

    const supervisor = await signedInOfficer("supervisor");
    const waiting = await startConversation();
    const refused = await privateMessage(waiting.conversationId, supervisor.cookie, "Nobody to read this");
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: "no-officer", message: expect.stringMatching(/No officer has this chat yet/) } });
    expect((await privateMessage("no-such-chat", supervisor.cookie, "Hello")).status).toBe(404);
  });
});
