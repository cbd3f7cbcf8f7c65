/**
 * Evidence-grade records in workerd: sealing to R2 and D1, the erased Durable Object, search,
 * view and export with their audit entries, crime references, addenda and verification.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readingContext, sealedFiles } from "../../worker/archive/seal";
import { transcriptBytes } from "../../worker/transcripts/document";
import { verifyTranscript } from "../../worker/transcripts/verify";
import type { RecordEntry } from "../../worker/shared/record/entry";
import type { TranscriptDocument } from "../../worker/shared/record/transcript";
import type { AuditList, RecentRecords, RecordSearchResult, StaffList, StartedConversation, VerifyResult } from "../../worker/shared/protocol";
import { serviceTime } from "../../worker/shared/service-time";
import { Zone } from "../../worker/shared/time-zone";
import { DASH } from "../../worker/assessment/dash";
import { extractPdfText } from "../support/pdf-text";
import { acceptAndJoin, call, connectVictim, signedInOfficer } from "./harness";

/** Workers AI is remote: in these tests only, it answers in m2m100's documented shape. */
beforeEach(() => {
  vi.spyOn(env.AI, "run").mockImplementation((async (_model: string, inputs: Record<string, unknown>) => ({
    translated_text: `[${String(inputs.target_lang)}] ${String(inputs.text)}`,
  })) as unknown as typeof env.AI.run);
});
afterEach(() => vi.restoreAllMocks());

const WHY = "Preparing the file for CPS, case 4471";

function post(path: string, cookie: string, body: unknown) {
  return call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
}

async function row(conversationId: string) {
  return (await env.DB.prepare("SELECT * FROM conversations WHERE id = ?").bind(conversationId).first<Record<string, string | number | null>>())!;
}

async function auditFor(conversationId: string) {
  return (
    await env.DB.prepare("SELECT action, actor_id, justification, detail FROM audit_log WHERE conversation_id = ? ORDER BY at, rowid")
      .bind(conversationId)
      .all<{ action: string; actor_id: string; justification: string; detail: string | null }>()
  ).results;
}

/**
 * A chat in Romanian with a translated message, a DASH answer, a note and an outcome, ended and
 * sealed; its officer has `displayName` when one is given.
 */
async function sealedChat(outcome: { outcome: string; crimeReference?: string } = { outcome: "advice-given" }, displayName?: string) {
  const response = await call("/api/conversations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ language: "ro" }) });
  const started = (await response.json()) as StartedConversation;
  const victim = await connectVictim(started);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  if (displayName) await env.DB.prepare("UPDATE officers SET display_name = ? WHERE id = ?").bind(displayName, officer.id).run();
  const chat = await acceptAndJoin(started.conversationId, officer.cookie);
  await chat.next("welcome");
  victim.send({ type: "send", id: "victim-record-1", text: "Mi-e frică să mă întorc acasă" });
  await chat.next("translation", (f) => f.seq === 1);
  chat.send({ type: "send", id: "officer-record-1", text: "You are safe to talk to me here." });
  await chat.next("ack");
  await chat.next("translation", (f) => f.seq === 2);
  await post(`/api/conversations/${started.conversationId}/assessment`, officer.cookie, {
    kind: "answer",
    questionId: "frightened",
    answer: "yes",
    messageSeqs: [1],
  });
  expect((await post(`/api/conversations/${started.conversationId}/notes`, officer.cookie, { text: "Speaks quietly; may not be alone." })).status).toBe(201);
  expect((await post(`/api/conversations/${started.conversationId}/outcome`, officer.cookie, outcome)).status).toBe(201);
  chat.send({ type: "end" });
  await victim.next("ended");
  // Sealed, then the conversation's object is erased and closes every connection.
  expect(await victim.closedWith()).toBe(1000);
  return { started, victim, chat, officer };
}

async function storedTranscript(conversationId: string) {
  const { transcript_key } = await row(conversationId);
  const text = await (await env.TRANSCRIPTS.get(String(transcript_key)))!.text();
  return { text, document: JSON.parse(text) as TranscriptDocument };
}

describe("sealing a chat when it ends", () => {
  it("chains every message, translation, assessment change and lifecycle event, and the sealed JSON verifies", async () => {
    const { started, officer } = await sealedChat();
    const { text, document } = await storedTranscript(started.conversationId);

    expect(document.entries.map((e) => e.kind)).toEqual([
      "opened", "accepted", "message", "translation", "message", "translation", "assessment", "note", "outcome", "ended",
    ]);
    expect(document.participants).toEqual([
      { role: "victim", language: "ro", returning: false },
      { role: "officer", officerId: officer.id, joinedAt: expect.stringMatching(/Z$/) },
    ]);
    expect(document.messages[0]).toMatchObject({
      text: "Mi-e frică să mă întorc acasă",
      translation: { status: "done", text: "[en] Mi-e frică să mă întorc acasă", model: expect.stringContaining("workers-ai:") },
    });
    expect(document.assessment.changes).toMatchObject([{ questionId: "frightened", answer: "yes", officerId: officer.id }]);
    expect(verifyTranscript(document, { fileText: text })).toMatchObject({ ok: true, entries: 10 });

    // D1 holds both digests and each message's chain digest; R2 holds the files under them.
    const sealed = await row(started.conversationId);
    expect(sealed.transcript_key).toBe(`transcripts/${started.conversationId}/${sealed.transcript_sha256}.json`);
    expect(sealed.pdf_key).toBe(`transcripts/${started.conversationId}/${sealed.pdf_sha256}.pdf`);
    expect(sealed).toMatchObject({ chain_head: document.seal.head, chain_entries: 10, risk_grade: "standard" });
    const digests = await env.DB.prepare("SELECT seq, digest FROM messages WHERE conversation_id = ? ORDER BY seq").bind(started.conversationId).all();
    expect(digests.results).toEqual(document.messages.map((m) => ({ seq: m.seq, digest: m.digest })));
  });

  it("is idempotent: sealing the same record again gives byte-identical files under the same keys", async () => {
    const { started } = await sealedChat();
    const { text, document } = await storedTranscript(started.conversationId);
    const again = await sealedFiles(document.entries, await readingContext(env, document.entries));
    expect(again.json).toBe(text);
    expect(transcriptBytes(again.document)).toBe(text);
    const stored = await row(started.conversationId);
    expect(again.jsonKey).toBe(stored.transcript_key);
    expect(again.pdfKey).toBe(stored.pdf_key);
    const pdf = new Uint8Array(await (await env.TRANSCRIPTS.get(String(stored.pdf_key)))!.arrayBuffer());
    expect(again.pdf).toEqual(pdf);
  });

  it("puts every message, its translation and the outcome in the PDF", async () => {
    const { started } = await sealedChat({ outcome: "crime-recorded", crimeReference: "CR/2026/55120" });
    const { pdf_key } = await row(started.conversationId);
    const pdf = await extractPdfText(new Uint8Array(await (await env.TRANSCRIPTS.get(String(pdf_key)))!.arrayBuffer()));
    const text = pdf.lines.map((l) => l.text).join("\n");
    for (const expected of [
      "Mi-e frică să mă întorc acasă",
      "[en] Mi-e frică să mă întorc acasă",
      "You are safe to talk to me here.",
      "[ro] You are safe to talk to me here.",
      "CR/2026/55120",
      "Speaks quietly; may not be alone.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("leaves nothing in the conversation's Durable Object, and the victim can still take a resume code", async () => {
    const { started } = await sealedChat();
    const tables = await runInDurableObject(env.Conversation.getByName(started.conversationId), (_instance, state) =>
      state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'").toArray(),
    );
    expect(tables).toEqual([]);
    // A victim whose page reconnects now is told the chat ended, not that it never existed.
    const ticket = await call(`/api/conversations/${started.conversationId}/tickets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${started.token}` },
    });
    expect(ticket.status).toBe(410);
    expect(await ticket.json()).toMatchObject({ error: { code: "conversation-ended" } });
    const code = await call(`/api/conversations/${started.conversationId}/resume-code`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${started.token}` },
      body: JSON.stringify({ pin: "4821" }),
    });
    expect(code.status).toBe(201);
    // ...but not with somebody else's token.
    const wrong = await call(`/api/conversations/${started.conversationId}/resume-code`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${"x".repeat(43)}` },
      body: JSON.stringify({ pin: "4821" }),
    });
    expect(wrong.status).toBe(401);
  });
});

describe("the sealed PDF, for people", () => {
  it("names the officer, says the outcome, the ending and the language in words, and writes times in the service's zone with the offset", async () => {
    const { started, officer } = await sealedChat({ outcome: "crime-recorded", crimeReference: "CR/2026/60321" }, "PC Ola Nowak");
    const { document } = await storedTranscript(started.conversationId);
    const { pdf_key } = await row(started.conversationId);
    const pdf = await extractPdfText(new Uint8Array(await (await env.TRANSCRIPTS.get(String(pdf_key)))!.arrayBuffer()));
    const lines = pdf.lines.map((l) => l.text);
    const at = (iso: string) => serviceTime(iso, "Europe/London", { seconds: true });

    expect(lines).toEqual(
      expect.arrayContaining([
        `Started: ${at(document.startedAt)}`,
        `Ended: ${at(document.endedAt)}`,
        "How it ended: Officer ended the chat",
        "Times in: Europe/London, with the offset from UTC (GMT)",
        "Victim — language: Romanian, first contact",
        `Officer: PC Ola Nowak (officer id ${officer.id}) — joined ${at(document.participants[1]!.role === "officer" ? document.participants[1]!.joinedAt : "")}`,
        "Outcome: Crime recorded",
        "Grade: Standard (from the count: Standard)",
        `${at(document.events.find((e) => e.kind === "accepted")!.at)}  PC Ola Nowak joined.`,
        `${at(document.endedAt)}  The chat ended: Officer ended the chat (by PC Ola Nowak).`,
      ]),
    );
    // Every time is the service's, with its offset: none is left in UTC's "Z" or without an offset.
    expect(at(document.startedAt)).toMatch(/^\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d GMT[+-]\d+(:\d\d)?$/);
    expect(lines.find((l) => l.startsWith("#2  "))).toBe(`#2  ${at(document.messages[1]!.sentAt)}  PC Ola Nowak  (English)`);
    expect(lines.find((l) => l.startsWith("Recorded by "))).toBe(`Recorded by PC Ola Nowak, ${at(document.outcome!.at)}`);
    // No code a person would have to look up.
    const text = lines.join("\n");
    for (const code of ["crime-recorded", "officer-ended", "language: ro", `Officer ${officer.id}`]) expect(text).not.toContain(code);
  });

  it("lists every DASH question, with its answer or \"Not asked\"", async () => {
    const { started } = await sealedChat();
    const { pdf_key } = await row(started.conversationId);
    const pdf = await extractPdfText(new Uint8Array(await (await env.TRANSCRIPTS.get(String(pdf_key)))!.arrayBuffer()));
    const squash = (text: string) => text.replace(/\s+/g, "");
    const text = squash(pdf.lines.map((l) => l.text).join(" "));
    expect(text).toContain(squash("Are you very frightened? — Yes (messages #1)"));
    const unasked = DASH.groups.flatMap((g) => g.questions).filter((q) => q.id !== "frightened");
    expect(unasked).toHaveLength(26);
    for (const question of unasked) expect(text).toContain(squash(`${question.text} — Not asked`));
    for (const group of DASH.groups) expect(pdf.lines.map((l) => l.text)).toContain(group.title);
  });

  it("leaves the sealed JSON as it was: it still verifies, and holds no names, only officers' ids", async () => {
    const { started, officer } = await sealedChat({ outcome: "advice-given" }, "PC Ola Nowak");
    const { text, document } = await storedTranscript(started.conversationId);
    expect(verifyTranscript(document, { fileText: text })).toMatchObject({ ok: true });
    expect(text).not.toContain("PC Ola Nowak");
    expect(document.participants[1]).toMatchObject({ role: "officer", officerId: officer.id });
  });
});

describe("an officer's own chats of the last 24 hours", () => {
  const mine = async (cookie: string) => {
    const response = await call("/api/records/mine", { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as RecentRecords;
  };
  const ids = (recent: RecentRecords) => recent.records.map((r) => r.conversationId);
  const auditCount = async (actorId: string) =>
    (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE actor_id = ?").bind(actorId).first<{ n: number }>())!.n;

  it("lists the officer's own chats without a reason or an audit entry, in words and names, and nobody else's", async () => {
    const first = await sealedChat({ outcome: "crime-recorded", crimeReference: "CR/2026/24001" }, "PC Ola Nowak");
    const second = await sealedChat({ outcome: "referral-made" }, "PC Sam Reid");
    const before = await auditCount(first.officer.id);

    const own = await mine(first.officer.cookie);
    expect(ids(own)).toContain(first.started.conversationId);
    expect(ids(own)).not.toContain(second.started.conversationId);
    expect(own.timeZone).toBe("Europe/London");
    expect(own.records.find((r) => r.conversationId === first.started.conversationId)).toMatchObject({
      officerId: first.officer.id,
      officerName: "PC Ola Nowak",
      outcome: "crime-recorded",
      endReason: "officer-ended",
      victimLanguage: "ro",
      crimeReference: "CR/2026/24001",
    });
    expect(ids(await mine(second.officer.cookie))).toEqual(expect.arrayContaining([second.started.conversationId]));
    expect(ids(await mine(second.officer.cookie))).not.toContain(first.started.conversationId);
    // A supervisor may search for anyone's chats, with a reason; this list holds only their own.
    const supervisor = await signedInOfficer("supervisor");
    expect(ids(await mine(supervisor.cookie))).toEqual([]);
    // Listing asked no reason and wrote nothing to the audit log; opening one still asks for a reason.
    expect(await auditCount(first.officer.id)).toBe(before);
    expect((await post(`/api/records/${first.started.conversationId}/view`, first.officer.cookie, {})).status).toBe(400);
    expect((await post(`/api/records/${first.started.conversationId}/view`, first.officer.cookie, { justification: WHY })).status).toBe(200);
    expect(await auditFor(first.started.conversationId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "view", actor_id: first.officer.id, justification: WHY })]),
    );
    expect((await call("/api/records/mine")).status).toBe(401);
  });

  it("leaves out chats that ended more than 24 hours ago", async () => {
    const { started, officer } = await sealedChat();
    const endedAgo = (hours: number) =>
      env.DB.prepare("UPDATE conversations SET ended_at = ? WHERE id = ?").bind(Date.now() - hours * 3_600_000, started.conversationId).run();
    await endedAgo(23);
    expect(ids(await mine(officer.cookie))).toEqual([started.conversationId]);
    await endedAgo(25);
    expect(ids(await mine(officer.cookie))).toEqual([]);
    // Still a record: found by a search, with a reason.
    const found = (await (await post("/api/records/search", officer.cookie, { justification: WHY })).json()) as RecordSearchResult;
    expect(found.records.map((r) => r.conversationId)).toEqual([started.conversationId]);
  });
});

describe("finding, reading and exporting a record", () => {
  it("requires a justification, writes it to the audit log, and finds only the officer's own records", async () => {
    const { started, officer } = await sealedChat({ outcome: "crime-recorded", crimeReference: "CR/2026/71002" });
    const search = { crimeReference: "cr/2026/71002" };

    expect((await post("/api/records/search", officer.cookie, search)).status).toBe(400);
    const found = (await (await post("/api/records/search", officer.cookie, { ...search, justification: WHY })).json()) as RecordSearchResult;
    expect(found.records.map((r) => r.conversationId)).toEqual([started.conversationId]);
    expect(found.records[0]).toMatchObject({ sealed: true, crimeReference: "CR/2026/71002", outcome: "crime-recorded", riskGrade: "standard" });

    const stranger = await signedInOfficer();
    const none = (await (await post("/api/records/search", stranger.cookie, { ...search, justification: WHY })).json()) as RecordSearchResult;
    expect(none.records).toEqual([]);
    expect((await post(`/api/records/${started.conversationId}/view`, stranger.cookie, { justification: WHY })).status).toBe(404);
    const supervisor = await signedInOfficer("supervisor");
    const seen = (await (await post("/api/records/search", supervisor.cookie, { ...search, justification: WHY })).json()) as RecordSearchResult;
    expect(seen.records).toHaveLength(1);

    const searches = await env.DB.prepare("SELECT actor_id, justification, detail FROM audit_log WHERE action = 'search' AND actor_id = ?")
      .bind(officer.id)
      .all<{ justification: string; detail: string }>();
    expect(searches.results).toEqual([{ actor_id: officer.id, justification: WHY, detail: JSON.stringify(search) }]);
  });

  it("searches by date, officer, outcome, risk grading and a returning victim's earlier chats", async () => {
    const first = await sealedChat({ outcome: "referral-made" });
    const supervisor = await signedInOfficer("supervisor");
    const today = Zone.named("Europe/London").at(Date.now()).date;
    const search = async (filters: Record<string, string>) =>
      ((await (await post("/api/records/search", supervisor.cookie, { justification: WHY, ...filters })).json()) as RecordSearchResult).records.map(
        (r) => r.conversationId,
      );
    expect(await search({ officerId: first.officer.id })).toEqual([first.started.conversationId]);
    expect(await search({ officerId: first.officer.id, outcome: "advice-given" })).toEqual([]);
    expect(await search({ officerId: first.officer.id, riskGrade: "standard", from: today, to: today })).toEqual([first.started.conversationId]);
    expect(await search({ officerId: first.officer.id, to: "2020-01-01" })).toEqual([]);

    // The victim takes a resume code and comes back: both chats are found together.
    const code = (await (
      await call(`/api/conversations/${first.started.conversationId}/resume-code`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${first.started.token}` },
        body: JSON.stringify({ pin: "5150" }),
      })
    ).json()) as { code: string };
    const again = (await (
      await call("/api/conversations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ resume: { code: code.code, pin: "5150" } }) })
    ).json()) as StartedConversation;
    const victim = await connectVictim(again);
    await victim.next("welcome");
    victim.send({ type: "end" });
    await victim.next("ended");
    await victim.closedWith();
    expect((await search({ sameVictimAs: again.conversationId })).sort()).toEqual([first.started.conversationId, again.conversationId].sort());
  });

  it("shows the sealed transcript with its verification, and exports the exact JSON and PDF, each audited", async () => {
    const { started, officer } = await sealedChat();
    const id = started.conversationId;
    const stored = await storedTranscript(id);

    expect((await post(`/api/records/${id}/view`, officer.cookie, { justification: "no" })).status).toBe(400);
    const view = (await (await post(`/api/records/${id}/view`, officer.cookie, { justification: WHY })).json()) as {
      transcript: TranscriptDocument;
      verification: VerifyResult;
    };
    expect(view.transcript.seal).toEqual(stored.document.seal);
    expect(view.verification).toMatchObject({ ok: true, matchesRecorded: true });

    const json = await post(`/api/records/${id}/export`, officer.cookie, { justification: WHY, format: "json" });
    expect(json.headers.get("Content-Disposition")).toContain(`quietline-${id}.json`);
    expect(json.headers.get("X-Content-SHA256")).toBe((await row(id)).transcript_sha256);
    expect(await json.text()).toBe(stored.text);
    const pdf = await post(`/api/records/${id}/export`, officer.cookie, { justification: WHY, format: "pdf" });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    expect(await auditFor(id)).toEqual([
      expect.objectContaining({ action: "view", actor_id: officer.id, justification: WHY }),
      expect.objectContaining({ action: "export-json", actor_id: officer.id, justification: WHY }),
      expect.objectContaining({ action: "export-pdf", actor_id: officer.id, justification: WHY }),
    ]);
  });
});

describe("dates, as the people searching mean them", () => {
  // wrangler.toml's SERVICE_TIME_ZONE is Europe/London: 23:30 UTC on 1 July is 00:30 on 2 July there.
  const LATE_ON_1_JULY_UTC = Date.UTC(2026, 6, 1, 23, 30);

  it("finds a chat on the day it started in the service's time zone, in summer time and out of it", async () => {
    const { started } = await sealedChat();
    const supervisor = await signedInOfficer("supervisor");
    const startedAt = (at: number) => env.DB.prepare("UPDATE conversations SET created_at = ? WHERE id = ?").bind(at, started.conversationId).run();
    const onDay = async (day: string) =>
      ((await (await post("/api/records/search", supervisor.cookie, { justification: WHY, from: day, to: day })).json()) as RecordSearchResult).records
        .map((r) => r.conversationId)
        .includes(started.conversationId);

    await startedAt(LATE_ON_1_JULY_UTC);
    expect(await onDay("2026-07-02")).toBe(true);
    expect(await onDay("2026-07-01")).toBe(false);
    // In winter London is on UTC: 23:30 UTC on 15 January is still 15 January.
    await startedAt(Date.UTC(2026, 0, 15, 23, 30));
    expect(await onDay("2026-01-15")).toBe(true);
    expect(await onDay("2026-01-16")).toBe(false);
  });

  it("lists audit entries by the service's days too", async () => {
    const supervisor = await signedInOfficer("supervisor");
    const conversationId = crypto.randomUUID();
    await env.DB.prepare(
      "INSERT INTO audit_log (id, at, actor_id, actor_role, action, conversation_id, detail, justification) VALUES (?, ?, ?, 'supervisor', 'view', ?, NULL, ?)",
    )
      .bind(crypto.randomUUID(), LATE_ON_1_JULY_UTC, supervisor.id, conversationId, WHY)
      .run();
    const onDay = async (day: string) =>
      ((await (await post("/api/records/audit", supervisor.cookie, { conversationId, from: day, to: day })).json()) as AuditList).entries.length;
    expect(await onDay("2026-07-02")).toBe(1);
    expect(await onDay("2026-07-01")).toBe(0);
  });
});

describe("after sealing", () => {
  it("links a crime reference and adds notes and assessment changes as chained addenda, never rewriting the seal", async () => {
    const { started, officer } = await sealedChat();
    const id = started.conversationId;
    const before = await row(id);

    const linked = await post(`/api/records/${id}/crime-reference`, officer.cookie, { justification: WHY, crimeReference: "CR/2026/90001" });
    expect(linked.status).toBe(200);
    expect((await post(`/api/records/${id}/notes`, officer.cookie, { text: "Victim rang 101 on 2 December." })).status).toBe(201);
    const judged = await post(`/api/conversations/${id}/assessment`, officer.cookie, { kind: "judgement", grade: "high", reason: "Threats to kill since" });
    expect(judged.status).toBe(201);

    const after = await row(id);
    expect(after).toMatchObject({
      transcript_key: before.transcript_key,
      transcript_sha256: before.transcript_sha256,
      crime_reference: "CR/2026/90001",
      risk_grade: "high",
    });
    const addenda = (await (await post(`/api/records/${id}/export`, officer.cookie, { justification: WHY, format: "addenda" })).json()) as { entries: RecordEntry[] };
    expect(addenda.entries.map((e) => [e.n, e.kind])).toEqual([[11, "crime-reference"], [12, "note"], [13, "assessment"]]);
    expect(addenda.entries[0]!.prev).toBe(before.chain_head);

    const verified = (await (await post(`/api/records/${id}/verify`, officer.cookie, { justification: WHY })).json()) as VerifyResult;
    expect(verified).toMatchObject({ ok: true, addenda: { ok: true, entries: 3 } });
    // Every change to a sealed record is logged: the link, the note and the assessment change.
    expect((await auditFor(id)).map((a) => a.action)).toEqual(["link", "addendum", "addendum", "export-json", "verify"]);
  });

  it("names the entry that was changed when the stored transcript is tampered with", async () => {
    const { started, officer } = await sealedChat();
    const id = started.conversationId;
    const { document } = await storedTranscript(id);
    (document.entries[2]!.data as { text: string }).text = "Everything is fine at home";
    await env.TRANSCRIPTS.put(String((await row(id)).transcript_key), JSON.stringify(document));

    const verified = (await (await post(`/api/records/${id}/verify`, officer.cookie, { justification: WHY })).json()) as VerifyResult;
    expect(verified).toMatchObject({ ok: false, failingEntry: 3, matchesRecorded: false });
    expect(verified.problems[0]).toContain("message 1 from the victim");
  });

  it("checks an uploaded file against its seal and the digest recorded for it", async () => {
    const { started, officer } = await sealedChat();
    const { text, document } = await storedTranscript(started.conversationId);
    const upload = (body: string) =>
      call("/api/records/verify", { method: "POST", headers: { "Content-Type": "application/json", Cookie: officer.cookie }, body });

    expect(await (await upload(text)).json()).toMatchObject({ ok: true, matchesRecorded: true });
    document.messages[1]!.text = "Stay where you are.";
    const tampered = (await (await upload(JSON.stringify(document))).json()) as VerifyResult;
    expect(tampered).toMatchObject({ ok: false, failingEntry: 5 });
    expect((await upload("not json")).status).toBe(400);
  });
});

describe("the audit log", () => {
  it("is read by supervisors and admins only, and nobody can edit or delete an entry", async () => {
    const { started, officer } = await sealedChat(undefined, "PC Ola Nowak");
    await post(`/api/records/${started.conversationId}/view`, officer.cookie, { justification: WHY });

    expect((await post("/api/records/audit", officer.cookie, {})).status).toBe(403);
    const supervisor = await signedInOfficer("supervisor");
    const log = (await (await post("/api/records/audit", supervisor.cookie, { conversationId: started.conversationId })).json()) as AuditList;
    expect(log.entries).toMatchObject([
      { action: "view", actorId: officer.id, actorName: "PC Ola Nowak", actorRole: "officer", justification: WHY },
    ]);

    await expect(env.DB.prepare("UPDATE audit_log SET justification = 'edited'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });
});

describe("picking an officer to search by", () => {
  it("lists every staff account by name and role for supervisors, disabled ones marked, and nothing of their sign-in", async () => {
    const { officer } = await sealedChat(undefined, "PC Iwona Kowalska");
    const gone = await signedInOfficer();
    await env.DB.prepare("UPDATE officers SET disabled_at = ? WHERE id = ?").bind(Date.now(), gone.id).run();
    const supervisor = await signedInOfficer("supervisor");

    const response = await call("/api/records/officers", { headers: { Cookie: supervisor.cookie } });
    expect(response.status).toBe(200);
    const { officers } = (await response.json()) as StaffList;
    expect(officers).toEqual(
      expect.arrayContaining([
        { id: officer.id, displayName: "PC Iwona Kowalska", role: "officer", disabled: false },
        expect.objectContaining({ id: gone.id, disabled: true }),
        expect.objectContaining({ id: supervisor.id, role: "supervisor", disabled: false }),
      ]),
    );
    const names = officers.map((o) => o.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(JSON.stringify(officers)).not.toContain(officer.email);
    expect(JSON.stringify(officers)).not.toContain("pbkdf2");
  });
});

describe("a conversation that is not the officer's", () => {
  it("is refused for holds to officers, and placed on hold by a supervisor with the reason logged", async () => {
    const { started, officer } = await sealedChat();
    const id = started.conversationId;
    expect((await post(`/api/records/${id}/hold`, officer.cookie, { justification: WHY, hold: true })).status).toBe(403);
    const supervisor = await signedInOfficer("supervisor");
    const held = await post(`/api/records/${id}/hold`, supervisor.cookie, { justification: "Civil proceedings pending", hold: true });
    expect(await held.json()).toMatchObject({ legalHold: true });
    expect(await auditFor(id)).toEqual([expect.objectContaining({ action: "hold", actor_id: supervisor.id, justification: "Civil proceedings pending" })]);
  });
});

