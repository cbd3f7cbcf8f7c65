/**
 * Ending a chat: both sides are told at once, and the record is sealed after, by a job that is
 * kept in the chat's storage until it has succeeded: through a failing R2, through a seal that
 * never comes back, and through the object itself being evicted halfway (its memory thrown away,
 * a fresh object on the same storage). Meanwhile Records shows the chat as ended, its record
 * being sealed. Every test moves the clock first, so the chat's alarms wait for the test to run them
 * (tests/integration/clock.ts): "before the seal" is a fact of the test, not a race.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RecordSearchResult } from "../../worker/shared/protocol";
import { alarmOf, holdAlarms, restoreClock, runNextAlarm, setClock } from "./clock";
import { activeChat, call } from "./harness";

const WHY = "Checking how a chat that has just ended is shown";

beforeEach(() => {
  holdAlarms();
  // The failures forced here are logged, as they should be; the output stays readable.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  restoreClock();
  vi.restoreAllMocks();
});

function post(path: string, cookie: string, body: unknown) {
  return call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
}

async function d1Row(id: string) {
  return env.DB.prepare("SELECT status, end_reason, transcript_sha256, pdf_sha256 FROM conversations WHERE id = ?")
    .bind(id)
    .first<{ status: string; end_reason: string | null; transcript_sha256: string | null; pdf_sha256: string | null }>();
}

/** The sealed files in R2: the JSON transcript and its PDF once sealed. */
async function sealedFiles(id: string): Promise<string[]> {
  const listed = await env.TRANSCRIPTS.list({ prefix: `transcripts/${id}/` });
  return listed.objects
    .filter((o) => !o.key.endsWith("/live.json"))
    .map((o) => o.key.split(".").at(-1)!)
    .sort();
}

const isSealed = (row: Awaited<ReturnType<typeof d1Row>>) => /^[0-9a-f]{64}$/.test(row?.transcript_sha256 ?? "");

/**
 * A chat ended by `by` whose first seal stops at R2 and never comes back, as if its object had
 * gone: both sides have been told, nothing is sealed, and R2 works again for what follows.
 */
async function endWithSealHanging(by: "victim" | "officer") {
  const { started, victim, chat } = await activeChat();
  const id = started.conversationId;
  const stub = env.Conversation.getByName(id);
  const put = vi.spyOn(env.TRANSCRIPTS, "put").mockImplementationOnce(() => new Promise<never>(() => undefined));

  (by === "victim" ? victim : chat).send({ type: "end" });
  await victim.next("ended");
  await chat.next("ended");
  void runNextAlarm(stub).catch(() => undefined);
  // Polled from here: a promise settled inside the object would carry this test into its I/O.
  while (put.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(isSealed(await d1Row(id))).toBe(false);
  put.mockRestore();
  return { id, stub };
}

describe("ending a chat", () => {
  it("tells both sides at once; the record is sealed after, and shown meanwhile as being sealed", async () => {
    const { started, victim, chat, officer } = await activeChat();
    const id = started.conversationId;
    victim.send({ type: "send", id: "before-the-end", text: "I have to go now" });
    await chat.next("message");

    chat.send({ type: "end" });
    expect(await victim.next("ended")).toEqual({ type: "ended", reason: "officer-ended" });
    expect(await chat.next("ended")).toEqual({ type: "ended", reason: "officer-ended" });

    // Not sealed yet: D1 says ended, R2 has no sealed files, and Records says so, not an error.
    await vi.waitFor(async () => expect((await d1Row(id))?.status).toBe("ended"));
    expect(isSealed(await d1Row(id))).toBe(false);
    expect(await sealedFiles(id)).toEqual([]);
    const found = (await (await post("/api/records/search", officer.cookie, { justification: WHY })).json()) as RecordSearchResult;
    expect(found.records.find((r) => r.conversationId === id)).toMatchObject({ sealed: false, erased: false });
    const view = await post(`/api/records/${id}/view`, officer.cookie, { justification: WHY });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ transcript: null });

    // The seal is a job due now, on this test's clock.
    expect(await alarmOf(env.Conversation.getByName(id))).toBeLessThanOrEqual(Date.now());
    await runNextAlarm(env.Conversation.getByName(id));
    expect(await d1Row(id)).toMatchObject({ status: "ended", end_reason: "officer-ended" });
    expect(isSealed(await d1Row(id))).toBe(true);
    expect(await sealedFiles(id)).toEqual(["json", "pdf"]);
    // Sealed, the chat's object keeps nothing and closes what was still open.
    await victim.closedWith();
    const opened = (await (await post(`/api/records/${id}/view`, officer.cookie, { justification: WHY })).json()) as {
      transcript: { messages: { text: string }[]; endReason: string };
    };
    expect(opened.transcript.messages.map((m) => m.text)).toEqual(["I have to go now"]);
    expect(opened.transcript.endReason).toBe("officer-ended");
  });

  it("seals the record after R2 fails, when the retry comes", async () => {
    const { started, victim, chat } = await activeChat();
    const id = started.conversationId;
    const stub = env.Conversation.getByName(id);
    const put = vi.spyOn(env.TRANSCRIPTS, "put").mockRejectedValueOnce(new Error("R2 is unavailable"));

    victim.send({ type: "end" });
    expect(await victim.next("ended")).toEqual({ type: "ended", reason: "victim-ended" });
    expect(await chat.next("ended")).toEqual({ type: "ended", reason: "victim-ended" });

    await runNextAlarm(stub);
    expect(put).toHaveBeenCalledTimes(1);
    expect(isSealed(await d1Row(id))).toBe(false);
    // Tried again later, not at once.
    const retryAt = await alarmOf(stub);
    expect(retryAt).toBeGreaterThan(Date.now());
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(isSealed(await d1Row(id))).toBe(false);

    await runNextAlarm(stub);
    expect(isSealed(await d1Row(id))).toBe(true);
    expect(await sealedFiles(id)).toEqual(["json", "pdf"]);
    expect(await victim.closedWith()).toBe(1000);
  });

  it("seals the record when a seal that hung halfway is tried again at its retry time", async () => {
    const { id, stub } = await endWithSealHanging("officer");

    // The job is still in storage, moved to its retry time, with the alarm.
    expect(await alarmOf(stub)).toBeGreaterThan(Date.now());
    await runNextAlarm(stub);
    expect(isSealed(await d1Row(id))).toBe(true);
    expect(await sealedFiles(id)).toEqual(["json", "pdf"]);
  });

  it("seals the record when its object is evicted halfway through the seal", async () => {
    const { id, stub } = await endWithSealHanging("victim");

    // Evicted mid-seal: what comes back is a new object with nothing in memory, on the same
    // storage, woken by its alarm at the seal's retry time.
    await runInDurableObject(stub, async (evicted, state) => {
      const Conversation = evicted.constructor as new (state: DurableObjectState, env: Env) => typeof evicted;
      const fresh = new Conversation(state, env);
      const retryAt = await state.storage.getAlarm();
      expect(retryAt).toBeGreaterThan(Date.now());
      setClock(retryAt!);
      await fresh.alarm();
    });
    expect(isSealed(await d1Row(id))).toBe(true);
    expect(await sealedFiles(id)).toEqual(["json", "pdf"]);
  });
});
