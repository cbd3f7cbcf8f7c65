/**
 * An officer's private notes and the chat's outcome: written over HTTP by the signed-in officer,
 * into the live record while the chat goes on, and as addenda to the sealed record after it ends.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StartedConversation } from "../../worker/shared/protocol";
import type { RecordEntry } from "../../worker/shared/record/entry";
import { activeChat, call, connectVictim, signedInOfficer } from "./harness";
import { holdAlarms, restoreClock, runNextAlarm } from "./clock";

afterEach(() => {
  restoreClock();
  vi.restoreAllMocks();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
}
const addNote = (id: string, cookie: string, text: string) => post(`/api/conversations/${id}/notes`, { text }, { Cookie: cookie });
const recordOutcome = (id: string, cookie: string, outcome: object) => post(`/api/conversations/${id}/outcome`, outcome, { Cookie: cookie });

async function conversationRow(id: string) {
  return env.DB.prepare("SELECT outcome, crime_reference, transcript_key, chain_head FROM conversations WHERE id = ?")
    .bind(id)
    .first<{ outcome: string | null; crime_reference: string | null; transcript_key: string | null; chain_head: string | null }>();
}

async function addendaOf(id: string): Promise<RecordEntry[]> {
  const rows = await env.DB.prepare("SELECT entry FROM record_addenda WHERE conversation_id = ? ORDER BY n").bind(id).all<{ entry: string }>();
  return rows.results.map((row) => JSON.parse(row.entry) as RecordEntry);
}

async function auditOf(id: string) {
  const rows = await env.DB.prepare("SELECT action, actor_id FROM audit_log WHERE conversation_id = ? ORDER BY at, rowid").bind(id).all<{ action: string; actor_id: string }>();
  return rows.results;
}

/** The victim presses Quick exit; the chat ends, is sealed, and its Durable Object erased. */
async function quickExit(started: StartedConversation) {
  const exit = await call(`/api/conversations/${started.conversationId}/quick-exit`, { method: "POST", body: started.token });
  expect(exit.status).toBe(204);
}

async function sealedTranscript(id: string) {
  const row = await conversationRow(id);
  return JSON.parse(await (await env.TRANSCRIPTS.get(row!.transcript_key!))!.text()) as {
    notes: { text: string; officerId: string }[];
    outcome: { outcome: string; crimeReference: string | null; officerId: string } | null;
  };
}

describe("an officer's notes and the chat's outcome", () => {
  it("stores them in the live record under the signed-in officer, tells staff, and never shows them to the victim", async () => {
    const { started, chat, officer } = await activeChat();
    const id = started.conversationId;

    const noted = await addNote(id, officer.cookie, "Victim whispering; abuser may be in the next room");
    expect(noted.status).toBe(201);
    expect(await noted.json()).toMatchObject({ officerId: officer.id, text: "Victim whispering; abuser may be in the next room" });
    expect((await chat.next("note")).note).toMatchObject({ officerId: officer.id });

    const recorded = await recordOutcome(id, officer.cookie, { outcome: "crime-recorded", crimeReference: "CRI/2026/004512", detail: "Assault recorded" });
    expect(recorded.status).toBe(201);
    expect(await recorded.json()).toMatchObject({ outcome: "crime-recorded", crimeReference: "CRI/2026/004512", officerId: officer.id });
    expect((await chat.next("outcome")).outcome).toMatchObject({ outcome: "crime-recorded" });

    const again = await connectVictim(started);
    expect(await again.next("welcome")).toMatchObject({ notes: [], outcome: null });

    chat.send({ type: "end" });
    await chat.next("ended");
    await chat.closedWith();
    expect(await conversationRow(id)).toMatchObject({ outcome: "crime-recorded", crime_reference: "CRI/2026/004512" });
    const transcript = await sealedTranscript(id);
    expect(transcript.notes).toMatchObject([{ text: "Victim whispering; abuser may be in the next room", officerId: officer.id }]);
    expect(transcript.outcome).toMatchObject({ outcome: "crime-recorded", crimeReference: "CRI/2026/004512", officerId: officer.id });
  });

  it("takes no note or outcome from the victim, by the chat's socket or over HTTP", async () => {
    const { started, victim, chat } = await activeChat();
    const id = started.conversationId;

    victim.send({ type: "note", text: "Everything is fine, close the case" });
    expect(await victim.next("error")).toMatchObject({ code: "bad-frame" });
    victim.send({ type: "outcome", outcome: "other" });
    expect(await victim.next("error")).toMatchObject({ code: "bad-frame" });
    const bearer = { Authorization: `Bearer ${started.token}` };
    expect((await post(`/api/conversations/${id}/notes`, { text: "Everything is fine" }, bearer)).status).toBe(401);
    expect((await post(`/api/conversations/${id}/outcome`, { outcome: "other" }, bearer)).status).toBe(401);
    await expect(chat.next("note", () => true, 200)).rejects.toThrow();

    chat.send({ type: "end" });
    await chat.closedWith();
    const transcript = await sealedTranscript(id);
    expect(transcript.notes).toEqual([]);
    expect(transcript.outcome).toBeNull();
  });

  it("after the victim quick-exits, adds a note and the outcome to the sealed record, shows the outcome in Records and audits both", async () => {
    const { started, chat, officer } = await activeChat();
    const id = started.conversationId;
    await quickExit(started);
    await chat.closedWith();
    const sealed = await conversationRow(id);
    expect(sealed).toMatchObject({ outcome: null, chain_head: expect.any(String) });

    const noted = await addNote(id, officer.cookie, "Victim left by quick exit mid-sentence.");
    expect(noted.status).toBe(201);
    expect(await noted.json()).toMatchObject({ officerId: officer.id, text: "Victim left by quick exit mid-sentence." });
    const recorded = await recordOutcome(id, officer.cookie, { outcome: "referral-made", detail: "Referred to IDVA" });
    expect(recorded.status).toBe(201);

    expect(await conversationRow(id)).toMatchObject({ outcome: "referral-made", chain_head: sealed!.chain_head });
    const addenda = await addendaOf(id);
    expect(addenda.map((e) => e.kind)).toEqual(["note", "outcome"]);
    expect(addenda[0]).toMatchObject({ by: { role: "officer", officerId: officer.id }, data: { text: "Victim left by quick exit mid-sentence." } });
    expect(addenda[1]).toMatchObject({ by: { officerId: officer.id }, data: { outcome: "referral-made", detail: "Referred to IDVA" } });
    expect(addenda[0]!.prev).toBe(sealed!.chain_head);
    expect(await auditOf(id)).toEqual([
      { action: "addendum", actor_id: officer.id },
      { action: "addendum", actor_id: officer.id },
    ]);

    // Records search reads D1: the outcome is there, not "Not recorded".
    const search = await post("/api/records/search", { justification: "Checking the outcome was kept" }, { Cookie: officer.cookie });
    const found = ((await search.json()) as { records: { conversationId: string; outcome: string | null }[] }).records.find((r) => r.conversationId === id);
    expect(found).toMatchObject({ outcome: "referral-made" });
  });

  it("keeps a crime reference linked earlier when a later outcome names none, and takes one it names", async () => {
    const { started, chat, officer } = await activeChat();
    const id = started.conversationId;
    chat.send({ type: "end" });
    await chat.closedWith();
    await recordOutcome(id, officer.cookie, { outcome: "crime-recorded", crimeReference: "CR/2026/777" });
    expect(await conversationRow(id)).toMatchObject({ outcome: "crime-recorded", crime_reference: "CR/2026/777" });
    await recordOutcome(id, officer.cookie, { outcome: "advice-given" });
    expect(await conversationRow(id)).toMatchObject({ outcome: "advice-given", crime_reference: "CR/2026/777" });
  });

  it("refuses another officer, while the chat is live and after it has ended", async () => {
    const { started, chat } = await activeChat();
    const id = started.conversationId;
    const colleague = await signedInOfficer();

    expect((await addNote(id, colleague.cookie, "Not my chat")).status).toBe(404);
    expect((await recordOutcome(id, colleague.cookie, { outcome: "other" })).status).toBe(404);
    await expect(chat.next("note", () => true, 200)).rejects.toThrow();

    chat.send({ type: "end" });
    await chat.closedWith();
    expect((await addNote(id, colleague.cookie, "Not my chat")).status).toBe(404);
    expect((await recordOutcome(id, colleague.cookie, { outcome: "other" })).status).toBe(404);
    expect(await addendaOf(id)).toEqual([]);
    expect(await conversationRow(id)).toMatchObject({ outcome: null });
  });

  it("lets a supervisor reading a live chat see it but not write in it", async () => {
    const { started } = await activeChat();
    const supervisor = await signedInOfficer("supervisor");
    const refused = await addNote(started.conversationId, supervisor.cookie, "Reading along");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "not-allowed" } });
  });

  it("answers 'being sealed' while the ended chat's seal has not reached D1, and takes the note once it has", async () => {
    const { started, chat, officer } = await activeChat();
    const id = started.conversationId;
    // R2 refuses: the chat ends but its seal waits for the retry. The chat's alarms wait for this test.
    holdAlarms();
    const put = vi.spyOn(env.TRANSCRIPTS, "put").mockRejectedValue(new Error("R2 is unavailable"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    chat.send({ type: "end" });
    await chat.next("ended");
    await runNextAlarm(env.Conversation.getByName(id));
    expect(put).toHaveBeenCalled();

    const early = await addNote(id, officer.cookie, "Written while the record was being sealed");
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: "being-sealed", message: expect.stringMatching(/sealed/) } });
    const colleague = await signedInOfficer();
    expect((await addNote(id, colleague.cookie, "Not mine")).status).toBe(404);

    put.mockRestore();
    expect(await runNextAlarm(env.Conversation.getByName(id))).toBe(true);
    const later = await addNote(id, officer.cookie, "Written while the record was being sealed");
    expect(later.status).toBe(201);
    expect((await addendaOf(id)).map((e) => e.kind)).toEqual(["note"]);
  });
});
