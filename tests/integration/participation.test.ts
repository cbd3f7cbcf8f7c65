/**
 * Who took part in a chat is what the record says (accepted, transferred to), never a queue
 * event; and a returning victim's earlier chats are shown only as history: ended, earlier,
 * to those who may read the chat they are in now, and each read written to the audit log.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AuditEntry, EarlierConversations, StartedConversation } from "../../worker/shared/protocol";
import { chatReachedEveryWay, endedByVictim } from "./chat-paths";
import { acceptAndJoin, call, connectVictim, signedInOfficer, startConversation } from "./harness";

const justification = "Participation test: who may read this record";

const post = (path: string, cookie: string, body: unknown) =>
  call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });

describe("raising a waiting chat's priority", () => {
  it("does not give the officer who raised it the record, while those it was accepted by and transferred to keep it", async () => {
    const { started, victim, raiser, acceptor, assigned } = await chatReachedEveryWay();
    await endedByVictim(victim);
    const id = started.conversationId;
    const recordRoutes = [
      { name: "view", use: (cookie: string) => post(`/api/records/${id}/view`, cookie, { justification }) },
      { name: "export", use: (cookie: string) => post(`/api/records/${id}/export`, cookie, { justification, format: "json" }) },
      { name: "crime reference", use: (cookie: string) => post(`/api/records/${id}/crime-reference`, cookie, { justification, crimeReference: "CR/PT/1" }) },
      { name: "notes", use: (cookie: string) => post(`/api/records/${id}/notes`, cookie, { text: "Participation test note" }) },
    ];

    const statuses = async (cookie: string) => {
      const answered: Record<string, number> = {};
      for (const route of recordRoutes) answered[route.name] = (await route.use(cookie)).status;
      return answered;
    };
    expect(await statuses(raiser.cookie)).toEqual({ view: 404, export: 404, "crime reference": 404, notes: 404 });
    expect(await statuses(acceptor.cookie)).toEqual({ view: 200, export: 200, "crime reference": 200, notes: 201 });
    expect(await statuses(assigned.cookie)).toEqual({ view: 200, export: 200, "crime reference": 200, notes: 201 });
    const found = async (cookie: string) => {
      const { records } = (await (await post("/api/records/search", cookie, { justification })).json()) as { records: { conversationId: string }[] };
      return records.some((r) => r.conversationId === id);
    };
    expect(await found(raiser.cookie)).toBe(false);
    expect(await found(acceptor.cookie)).toBe(true);
    expect(await found(assigned.cookie)).toBe(true);
  });
});

// A returning victim's thread, as tests/integration/returning.test.ts makes one.
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function start(body: unknown = {}): Promise<StartedConversation> {
  const response = await call("/api/conversations", json(body));
  if (response.status !== 201) throw new Error(`start chat answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** A chat the victim speaks in and then ends, taking a resume code for the next one. */
async function chatThatEndsWithACode(words: string, body: unknown = {}) {
  const started = await start(body);
  const victim = await connectVictim(started);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started.conversationId, officer.cookie);
  await chat.next("welcome");
  victim.send({ type: "send", id: `said-${started.conversationId}`, text: words });
  await chat.next("message");
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
  const issued = await call(`/api/conversations/${started.conversationId}/resume-code`, json({ pin: "4826" }, { Authorization: `Bearer ${started.token}` }));
  if (issued.status !== 201) throw new Error(`resume code answered ${issued.status}`);
  const { code } = (await issued.json()) as { code: string };
  return { started, officer, next: { resume: { code, pin: "4826" } } };
}

async function earlier(conversationId: string, cookie: string) {
  const response = await call(`/api/conversations/${conversationId}/earlier`, { headers: { Cookie: cookie } });
  return { status: response.status, body: response.status === 200 ? ((await response.json()) as EarlierConversations) : null };
}

async function auditOf(conversationId: string): Promise<AuditEntry[]> {
  const supervisor = await signedInOfficer("supervisor");
  const response = await post("/api/records/audit", supervisor.cookie, { conversationId });
  return ((await response.json()) as { entries: AuditEntry[] }).entries;
}

/**
 * C1 and C3 ended, each by a different officer; C4, the victim's next chat, is live with a
 * third. `stray` is a chat still waiting that began before them all and is put in the same
 * thread directly: a live chat is in a thread before a later one only when a code was used
 * twice, which this test must not depend on.
 */
async function returningVictim() {
  const stray = await startConversation();
  const c1 = await chatThatEndsWithACode("The first time I wrote");
  const c3 = await chatThatEndsWithACode("He took my keys", c1.next);
  const c4 = await start(c3.next);
  const c4Officer = await signedInOfficer();
  (await acceptAndJoin(c4.conversationId, c4Officer.cookie)).close();
  await env.DB.prepare("UPDATE conversations SET thread_id = (SELECT thread_id FROM conversations WHERE id = ?) WHERE id = ?")
    .bind(c1.started.conversationId, stray.conversationId)
    .run();
  return { stray: stray.conversationId, c1, c3, c4: { id: c4.conversationId, officer: c4Officer } };
}

describe("a returning victim's earlier chats", () => {
  it("shows the officer of an ended chat only the ended chats before it, never the victim's later, live chat", async () => {
    const { c1, c3, c4, stray } = await returningVictim();

    const seen = await earlier(c3.started.conversationId, c3.officer.cookie);
    expect(seen.status).toBe(200);
    expect(seen.body?.conversations.map((c) => c.conversationId)).toEqual([c1.started.conversationId]);
    expect(seen.body?.conversations[0]?.messages.map((m) => m.text)).toEqual(["The first time I wrote"]);
    const shown = JSON.stringify(seen.body);
    expect(shown).not.toContain(c4.id);
    expect(shown).not.toContain(stray);

    // The live chat's own officer sees both ended chats, and still not the stray live one.
    const now = await earlier(c4.id, c4.officer.cookie);
    expect(now.body?.conversations.map((c) => c.conversationId)).toEqual([c1.started.conversationId, c3.started.conversationId]);
    expect(now.body?.conversations[1]?.messages.map((m) => m.text)).toEqual(["He took my keys"]);
  });

  it("writes each earlier chat shown to the audit log, as a view by the reader, saying which chat it was read from", async () => {
    const { c1, c3, c4 } = await returningVictim();
    await earlier(c3.started.conversationId, c3.officer.cookie);
    await earlier(c3.started.conversationId, c3.officer.cookie);
    await earlier(c4.id, c4.officer.cookie);

    const readsOfC1 = (await auditOf(c1.started.conversationId)).filter((e) => e.action === "view");
    const byC3Officer = readsOfC1.filter((e) => e.actorId === c3.officer.id);
    expect(byC3Officer).toHaveLength(2);
    expect(byC3Officer[0]).toMatchObject({ actorRole: "officer", justification: `Read as an earlier chat of ${c3.started.conversationId}` });
    expect(byC3Officer[0]?.detail).toContain(c3.started.conversationId);
    expect(readsOfC1.filter((e) => e.actorId === c4.officer.id)).toHaveLength(1);

    const readsOfC3 = (await auditOf(c3.started.conversationId)).filter((e) => e.action === "view");
    expect(readsOfC3.map((e) => [e.actorId, e.justification])).toEqual([[c4.officer.id, `Read as an earlier chat of ${c4.id}`]]);
    // Nothing of the live chat was read, so nothing of it is logged as read.
    expect((await auditOf(c4.id)).filter((e) => e.action === "view")).toEqual([]);
  });

  it("refuses anyone who may not read the chat they ask from, and logs nothing for them", async () => {
    const { c1, c3, c4 } = await returningVictim();
    const stranger = await signedInOfficer();
    // C3's officer may not read C4; C1's officer did not take part in C3; a stranger in neither.
    expect((await earlier(c4.id, c3.officer.cookie)).status).toBe(404);
    expect((await earlier(c3.started.conversationId, c1.officer.cookie)).status).toBe(404);
    expect((await earlier(c3.started.conversationId, stranger.cookie)).status).toBe(404);
    expect((await earlier(c4.id, stranger.cookie)).status).toBe(404);
    const readers = (await auditOf(c1.started.conversationId)).filter((e) => e.action === "view").map((e) => e.actorId);
    expect(readers).toEqual([]);

    const supervisor = await signedInOfficer("supervisor");
    expect((await earlier(c4.id, supervisor.cookie)).status).toBe(200);
  });

  it("shows an erased chat's time and end, never its words", async () => {
    const { c1, c4 } = await returningVictim();
    await env.DB.prepare("UPDATE conversations SET erased_at = ? WHERE id = ?").bind(Date.now(), c1.started.conversationId).run();
    const now = await earlier(c4.id, c4.officer.cookie);
    const erased = now.body?.conversations.find((c) => c.conversationId === c1.started.conversationId);
    expect(erased).toMatchObject({ messages: [], assessment: null });
    expect(JSON.stringify(now.body)).not.toContain("The first time I wrote");
  });
});
