/**
 * Retention: the daily Cron Trigger deletes what policy says, keeps what is linked to a crime
 * reference or on legal hold, audits each deletion, and leaves nothing in R2, D1 or the
 * conversation's Durable Object. The handler is invoked with a scheduled controller.
 */
import { createScheduledController, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import type { RetentionPreview, StartedConversation } from "../../worker/shared/protocol";
import { call, connectVictim, signedInOfficer, startConversation } from "./harness";

const DAY_MS = 86_400_000;

/** A chat with one message from the victim, ended and sealed; then its end moved `daysAgo` back. */
async function endedChat(daysAgo: number): Promise<StartedConversation> {
  const started = await startConversation();
  const victim = await connectVictim(started);
  await victim.next("welcome");
  victim.send({ type: "send", id: `retention-${started.conversationId}`, text: "I need to talk to someone" });
  await victim.next("ack");
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
  // Arranging time: a year cannot pass in a test, so the end is recorded as long ago.
  await env.DB.prepare("UPDATE conversations SET ended_at = ? WHERE id = ?").bind(Date.now() - daysAgo * DAY_MS, started.conversationId).run();
  return started;
}

function post(path: string, cookie: string, body: unknown) {
  return call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
}

async function runCron() {
  // The handler finishes its work before it returns, so nothing is left for waitUntil.
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "30 3 * * *" }), env);
}

async function stateOf(id: string) {
  const row = await env.DB.prepare("SELECT erased_at, transcript_key, thread_id, victim_token_hash FROM conversations WHERE id = ?").bind(id).first();
  const messages = await env.DB.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?").bind(id).first<{ n: number }>();
  const files = await env.TRANSCRIPTS.list({ prefix: `transcripts/${id}/` });
  return { row, messages: messages!.n, files: files.objects.length };
}

describe("the daily retention sweep", () => {
  it("deletes records past the period and keeps those linked to a crime, on legal hold, or recent", async () => {
    const supervisor = await signedInOfficer("supervisor");
    const expired = await endedChat(400);
    const linked = await endedChat(400);
    const held = await endedChat(400);
    const recent = await endedChat(10);
    const why = "Investigation of a linked assault";
    expect((await post(`/api/records/${linked.conversationId}/crime-reference`, supervisor.cookie, { justification: why, crimeReference: "CR/2025/11111" })).status).toBe(200);
    expect((await post(`/api/records/${held.conversationId}/hold`, supervisor.cookie, { justification: why, hold: true })).status).toBe(200);
    await env.DB.prepare("INSERT INTO translation_cache (key, text, model, created_at) VALUES ('old', 'Mi-e frica', 'm', ?), ('new', 'Ajutor', 'm', ?)")
      .bind(Date.now() - 400 * DAY_MS, Date.now())
      .run();

    await runCron();

    const gone = await stateOf(expired.conversationId);
    expect(gone).toMatchObject({ messages: 0, files: 0, row: { transcript_key: null, thread_id: null, victim_token_hash: null } });
    expect(gone.row!.erased_at).toEqual(expect.any(Number));
    for (const kept of [linked, held, recent]) {
      expect(await stateOf(kept.conversationId)).toMatchObject({ messages: 1, files: 2, row: { erased_at: null } });
    }
    const audited = await env.DB.prepare("SELECT actor_id, justification FROM audit_log WHERE action = 'delete' AND conversation_id = ?")
      .bind(expired.conversationId)
      .all<{ actor_id: string; justification: string }>();
    expect(audited.results).toEqual([{ actor_id: "retention", justification: expect.stringContaining("Retention period of 365 days ended") }]);
    const cache = await env.DB.prepare("SELECT key FROM translation_cache WHERE key IN ('old', 'new')").all<{ key: string }>();
    expect(cache.results.map((r) => r.key)).toEqual(["new"]);

    // A deleted record is still found by search, marked deleted, and can no longer be read or exported.
    const view = await post(`/api/records/${expired.conversationId}/export`, supervisor.cookie, { justification: why, format: "json" });
    expect(view.status).toBe(410);

    // Running again deletes nothing more and audits nothing twice.
    await runCron();
    const again = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'delete' AND conversation_id = ?").bind(expired.conversationId).first<{ n: number }>();
    expect(again!.n).toBe(1);
  });

  it("empties a conversation's Durable Object whose record never finished sealing", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.close();
    // The chat ended long ago as far as D1 knows, but its object still holds it.
    await env.DB.prepare("UPDATE conversations SET status = 'ended', ended_at = ? WHERE id = ?").bind(Date.now() - 400 * DAY_MS, started.conversationId).run();
    const stub = env.Conversation.getByName(started.conversationId);
    const tables = () =>
      runInDurableObject(stub, (_instance, state) =>
        state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%'").toArray().length,
      );
    expect(await tables()).toBeGreaterThan(0);
    await runCron();
    expect(await tables()).toBe(0);
  });

  it("shows admins what will be deleted within the notice period, and nobody else", async () => {
    const soon = await endedChat(360);
    const later = await endedChat(100);
    const admin = await signedInOfficer("admin");
    const preview = (await (await call("/api/records/retention", { headers: { Cookie: admin.cookie } })).json()) as RetentionPreview;
    expect(preview).toMatchObject({ retentionDays: 365, noticeDays: 14 });
    const ids = preview.due.map((d) => d.conversationId);
    expect(ids).toContain(soon.conversationId);
    expect(ids).not.toContain(later.conversationId);
    const due = preview.due.find((d) => d.conversationId === soon.conversationId)!;
    expect(due.deletesAt - due.endedAt).toBe(365 * DAY_MS);

    const supervisor = await signedInOfficer("supervisor");
    expect((await call("/api/records/retention", { headers: { Cookie: supervisor.cookie } })).status).toBe(403);
  });
});
