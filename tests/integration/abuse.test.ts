/**
 * Abuse resistance in workerd: rate limits (the Rate Limiting binding, simulated by miniflare
 * with the limits in wrangler.toml), an officer ending a chat as abusive and blocking its
 * source by keyed hash, and Turnstile on starting chats and signing in.
 *
 * Callers are told apart by CF-Connecting-IP, as Cloudflare's edge sets it; each test uses
 * addresses of its own (from the documentation ranges) so no test uses up another's limit.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { LIMIT_MESSAGES } from "../../worker/abuse/rate-limits";
import { addressGroup, sourceOf } from "../../worker/abuse/source";
import { checkHuman, SITEVERIFY_URL, turnstileSettings } from "../../worker/abuse/turnstile";
import { BLOCKED_MESSAGE, HUMAN_CHECK_MESSAGE } from "../../worker/abuse/gate";
import {
  acceptAndJoin,
  call,
  connectVictim,
  createOfficer,
  ORIGIN,
  originFor,
  signedInOfficer,
} from "./harness";

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});
/** The limits in force: wrangler.toml's (the message limit is raised for tests; see vitest.config.ts). */
const LIMITS = JSON.parse(env.TEST_LIMITS) as Record<string, { limit: number; period: 10 | 60 }>;
const limit = (name: string) => LIMITS[name]!.limit;

const from = (address: string) => ({ "CF-Connecting-IP": address });
const start = (address: string, body: object = {}) => call("/api/conversations", json(body, from(address)));

/**
 * The simulated limiter counts in windows aligned to the clock (as Cloudflare's does). A test
 * that must see a count reach its limit inside one window waits for a fresh window if the
 * current one is nearly over.
 */
async function freshWindow(periodSeconds: number, neededMs: number) {
  const left = periodSeconds * 1000 - (Date.now() % (periodSeconds * 1000));
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

async function chatFrom(address: string) {
  const response = await start(address);
  expect(response.status).toBe(201);
  const started = (await response.json()) as { conversationId: string; token: string };
  const victim = await connectVictim(started);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started.conversationId, officer.cookie);
  await chat.next("welcome");
  return { started, victim, chat, officer };
}

describe("rate limits", () => {
  it("refuses a source's chats beyond the limit in a minute with a calm sentence, and no other source", async () => {
    expect(LIMITS.START_CHAT_LIMIT).toEqual({ limit: 20, period: 60 });
    await freshWindow(60, 10_000);
    for (let i = 0; i < limit("START_CHAT_LIMIT"); i++) expect((await start("192.0.2.10")).status).toBe(201);
    const refused = await start("192.0.2.10");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(await errorOf(refused)).toEqual({ code: "too-many", message: LIMIT_MESSAGES.startChat });
    expect((await start("192.0.2.11")).status).toBe(201);
  }, 30_000);

  it("counts an IPv6 caller by its /64, so changing the last groups does not help", async () => {
    expect(addressGroup("2001:db8:aa:1:5:6:7:8")).toBe("2001:db8:aa:1::/64");
    expect(addressGroup("2001:0db8:00aa:0001::9")).toBe("2001:db8:aa:1::/64");
    expect(addressGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("203.0.113.9")).toBe("203.0.113.9");
    expect(addressGroup("::ffff:203.0.113.9")).toBe("203.0.113.9");
    const request = (address: string) => new Request(ORIGIN, { headers: from(address) });
    const a = await sourceOf(request("2001:db8:aa:1:5:6:7:8"), env);
    expect(a).toBe(await sourceOf(request("2001:db8:aa:1::ffff"), env));
    expect(a).not.toBe(await sourceOf(request("2001:db8:aa:2::1"), env));
    // A keyed hash: not the address, and not its plain SHA-256 either.
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await sourceOf(request("203.0.113.9"), { SOURCE_KEY: "another-key-of-thirty-two-characters!" })).not.toBe(
      await sourceOf(request("203.0.113.9"), env),
    );
  });

  it("refuses sign-in attempts from one source beyond the limit in a minute, even with the right password", async () => {
    expect(LIMITS.SIGN_IN_LIMIT).toEqual({ limit: 30, period: 60 });
    await freshWindow(60, 12_000);
    const officer = await createOfficer();
    const signIn = (password: string) =>
      call("/api/session", json({ email: officer.email, password }, from("192.0.2.20")));
    // Wrong passwords lock the account after five; these other accounts do not exist.
    for (let i = 0; i < limit("SIGN_IN_LIMIT"); i++) {
      const response = await call("/api/session", json({ email: `nobody-${i}@police.test`, password: "guess" }, from("192.0.2.20")));
      expect(response.status).toBe(401);
    }
    const refused = await signIn(officer.password);
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toEqual({ code: "too-many", message: LIMIT_MESSAGES.signIn });
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    // The same officer at their own desk is not affected.
    const elsewhere = await call("/api/session", json({ email: officer.email, password: officer.password }, from("192.0.2.21")));
    expect(elsewhere.status).toBe(200);
  }, 30_000);

  it("refuses resume-code attempts from one source beyond the limit in a minute", async () => {
    expect(LIMITS.RESUME_CODE_LIMIT).toEqual({ limit: 10, period: 60 });
    await freshWindow(60, 8_000);
    for (let i = 0; i < limit("RESUME_CODE_LIMIT"); i++) {
      const response = await start("192.0.2.30", { resume: { code: `apple river ${"candle".slice(0, 1 + (i % 6))}`, pin: "1234" } });
      expect(response.status).toBe(401);
    }
    const refused = await start("192.0.2.30", { resume: { code: "apple river candle", pin: "1234" } });
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toEqual({ code: "too-many", message: LIMIT_MESSAGES.resumeCode });
  }, 30_000);

  it("takes the limit of new messages per side of the chat in 10 s, however many sockets carry them, refuses the next without storing it, and still acks a resend", async () => {
    const { started, victim, chat } = await chatFrom("192.0.2.40");
    // The same victim's second socket (a second tab, or a script with the token): it shares the count.
    const second = await connectVictim(started);
    await second.next("welcome");
    const { limit: most, period } = LIMITS.MESSAGE_LIMIT!;
    expect(period).toBe(10);
    await freshWindow(10, 6_000);
    for (let i = 0; i < most; i++) {
      const socket = i % 2 === 0 ? victim : second;
      socket.send({ type: "send", id: `burst-${String(i).padStart(4, "0")}`, text: `message ${i}` });
    }
    for (let i = 0; i < most; i += 2) await victim.next("ack");
    for (let i = 1; i < most; i += 2) await second.next("ack");
    second.send({ type: "send", id: "burst-too-many", text: "one too many" });
    expect(await second.next("error")).toMatchObject({ code: "too-many", message: LIMIT_MESSAGES.message });
    victim.send({ type: "send", id: "burst-too-many-2", text: "and another" });
    const error = await victim.next("error");
    expect(error).toMatchObject({ code: "too-many", message: LIMIT_MESSAGES.message });
    // A resend of a stored message is still acknowledged: it is not a new message.
    victim.send({ type: "send", id: "burst-0000", text: "message 0" });
    expect(await victim.next("ack")).toMatchObject({ id: "burst-0000", seq: 1 });

    // The officer saw exactly those, in order; the refused one never arrived.
    const seen: number[] = [];
    for (let i = 0; i < most; i++) {
      const frame = await chat.next("message");
      seen.push(frame.message.seq);
    }
    expect(seen).toEqual(Array.from({ length: most }, (_, i) => i + 1));
    await expect(chat.next("message", () => true, 300)).rejects.toThrow(/no "message"/);

    // The officer's side has its own count.
    chat.send({ type: "send", id: "officer-reply-1", text: "Take your time." });
    expect(await chat.next("ack")).toMatchObject({ seq: most + 1 });
  }, 30_000);
});

describe("ending a chat as abusive", () => {
  async function blockRows() {
    return (await env.DB.prepare("SELECT * FROM blocked_sources").all<Record<string, unknown>>()).results;
  }

  it("ends the chat for both, blocks its source by keyed hash only, and refuses that source with a calm sentence", async () => {
    const { started, victim, chat, officer } = await chatFrom("198.51.100.23");
    chat.send({ type: "end", abusive: { blockHours: 168 } });
    expect(await chat.next("note")).toMatchObject({
      note: { officerId: officer.id, text: expect.stringMatching(/^Ended as abusive\. Its source is blocked from starting chats for 7 days/) },
    });
    expect(await chat.next("ended")).toMatchObject({ reason: "ended-as-abusive" });
    expect(await victim.next("ended")).toMatchObject({ reason: "ended-as-abusive" });
    // The record is sealed after both are told; the sockets close once it is.
    await victim.closedWith();

    const rows = (await blockRows()).filter((row) => row.conversation_id === started.conversationId);
    expect(rows).toHaveLength(1);
    const source = await sourceOf(new Request(ORIGIN, { headers: from("198.51.100.23") }), env);
    expect(rows[0]).toMatchObject({ source_hash: source, officer_id: officer.id });
    expect(Number(rows[0]!.until) - Number(rows[0]!.created_at)).toBe(168 * 3_600_000);
    // No address anywhere in D1: not in the block, not on the conversation, not in the record.
    const dump = JSON.stringify(
      await Promise.all(
        ["blocked_sources", "conversations", "messages", "queue_events", "audit_log"].map(
          async (table) => (await env.DB.prepare(`SELECT * FROM ${table}`).all()).results,
        ),
      ),
    );
    expect(dump).not.toContain("198.51.100.23");

    const refused = await start("198.51.100.23");
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({ code: "blocked", message: BLOCKED_MESSAGE });
    expect((await start("198.51.100.24")).status).toBe(201);

    // The sealed record says so, with the end reason and the note.
    const sealed = await env.DB.prepare("SELECT end_reason, transcript_key FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first<{ end_reason: string; transcript_key: string }>();
    expect(sealed?.end_reason).toBe("ended-as-abusive");
    const transcript = await (await env.TRANSCRIPTS.get(sealed!.transcript_key))!.text();
    expect(transcript).toContain("Ended as abusive");

    // Once the period is over, the source may start chats again.
    await env.DB.prepare("UPDATE blocked_sources SET until = ? WHERE conversation_id = ?").bind(Date.now() - 1, started.conversationId).run();
    expect((await start("198.51.100.23")).status).toBe(201);
  }, 30_000);

  it("blocks every source the victim's side connected from, and only an officer can do it", async () => {
    const response = await start("198.51.100.40");
    const started = (await response.json()) as { conversationId: string; token: string };
    // The same chat reconnects from another network (a phone leaving Wi-Fi).
    await call(`/api/conversations/${started.conversationId}/tickets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${started.token}`, ...from("198.51.100.41") },
    });
    const victim = await connectVictim(started);
    await victim.next("welcome");
    const officer = await signedInOfficer();
    const chat = await acceptAndJoin(started.conversationId, officer.cookie);
    await chat.next("welcome");

    // A victim's page cannot block anyone: the flag is ignored and the chat simply ends.
    victim.send({ type: "end", abusive: { blockHours: 720 } });
    expect(await chat.next("ended")).toMatchObject({ reason: "victim-ended" });
    expect((await blockRows()).filter((row) => row.conversation_id === started.conversationId)).toHaveLength(0);

    const second = await chatFrom("198.51.100.42");
    await call(`/api/conversations/${second.started.conversationId}/tickets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${second.started.token}`, ...from("198.51.100.43") },
    });
    second.chat.send({ type: "end", abusive: { blockHours: 24 } });
    await second.chat.next("ended");
    const rows = (await blockRows()).filter((row) => row.conversation_id === second.started.conversationId);
    expect(rows).toHaveLength(2);
    for (const address of ["198.51.100.42", "198.51.100.43"]) expect((await start(address)).status).toBe(403);
  }, 30_000);

  it("lets supervisors and admins see blocks in force and lift one, with a reason, audited; nobody else", async () => {
    const { started, chat } = await chatFrom("198.51.100.60");
    chat.send({ type: "end", abusive: { blockHours: 720 } });
    await chat.next("ended");
    expect((await start("198.51.100.60")).status).toBe(403);

    const officer = await signedInOfficer();
    const supervisor = await signedInOfficer("supervisor");
    const list = (cookie: string) => call("/api/blocks", { headers: { Cookie: cookie } });
    const lift = (cookie: string, reason: string) =>
      call(`/api/blocks/${started.conversationId}/lift`, json({ reason }, { Cookie: cookie }));
    expect((await list(officer.cookie)).status).toBe(403);
    expect((await lift(officer.cookie, "Shared refuge connection")).status).toBe(403);
    expect((await call("/api/blocks")).status).toBe(401);

    const { blocks } = (await (await list(supervisor.cookie)).json()) as { blocks: { conversationId: string; sources: number; until: number }[] };
    const mine = blocks.find((b) => b.conversationId === started.conversationId);
    expect(mine).toMatchObject({ sources: 1 });
    expect(JSON.stringify(blocks)).not.toMatch(/198\.51\.100|source_hash|sourceHash/);

    expect((await lift(supervisor.cookie, "no")).status).toBe(400);
    expect((await lift(supervisor.cookie, "A refuge's shared connection")).status).toBe(204);
    expect((await start("198.51.100.60")).status).toBe(201);
    expect((await lift(supervisor.cookie, "A refuge's shared connection")).status).toBe(404);
    const audited = await env.DB.prepare("SELECT actor_id, justification FROM audit_log WHERE action = 'unblock' AND conversation_id = ?")
      .bind(started.conversationId)
      .all();
    expect(audited.results).toEqual([{ actor_id: supervisor.id, justification: "A refuge's shared connection" }]);
  });

  it("refuses a block period that is not offered, and keeps the chat open", async () => {
    const { victim, chat } = await chatFrom("198.51.100.50");
    chat.send({ type: "end", abusive: { blockHours: 100_000 } });
    expect(await chat.next("error")).toMatchObject({ code: "bad-frame" });
    victim.send({ type: "send", id: "still-talking", text: "hello?" });
    expect(await chat.next("message")).toMatchObject({ message: { text: "hello?" } });
  });
});

describe("Turnstile", () => {
  const TEST_SITE_KEY = "1x00000000000000000000AA";
  const turnstileOn = (secret: string) => ({
    ...env,
    TURNSTILE_SITE_KEY: TEST_SITE_KEY,
    TURNSTILE_SECRET_KEY: secret,
    TURNSTILE_TEST_SITEVERIFY_URL: env.TEST_SITEVERIFY_URL,
  });

  /** The real Worker, with a deployment's settings that turn Turnstile on. */
  async function withTurnstile(secret: string, path: string, init: RequestInit) {
    const ctx = createExecutionContext();
    const headers = new Headers(init.headers);
    const origin = originFor(path, headers);
    headers.set("Origin", origin);
    const response = await worker.fetch(new Request(`${origin}${path}`, { ...init, headers }) as never, turnstileOn(secret), ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("is off unless both keys are set, and tells the pages the site key when on", async () => {
    expect(await (await call("/api/human-check")).json()).toEqual({ siteKey: null });
    expect(turnstileSettings({ TURNSTILE_SITE_KEY: TEST_SITE_KEY })).toBeNull();
    const answer = await withTurnstile("1x0000000000000000000000000000000AA", "/api/human-check", {});
    expect(await answer.json()).toEqual({ siteKey: TEST_SITE_KEY });
  });

  it("never lets a real secret be checked anywhere but Cloudflare", () => {
    const real = turnstileSettings({
      TURNSTILE_SITE_KEY: "0x4AAAAAAAreal",
      TURNSTILE_SECRET_KEY: "0x4AAAAAAArealsecret",
      TURNSTILE_TEST_SITEVERIFY_URL: "http://127.0.0.1:1/elsewhere",
    });
    expect(real?.siteverifyUrl).toBe(SITEVERIFY_URL);
  });

  it("starts a chat with a passing token, and refuses a missing or failing one with a calm sentence", async () => {
    const pass = "1x0000000000000000000000000000000AA";
    const fail = "2x0000000000000000000000000000000AA";
    const body = (extra: object) => json({ language: "en", ...extra }, from("203.0.113.60"));

    const started = await withTurnstile(pass, "/api/conversations", body({ humanCheck: "XXXX.DUMMY.TOKEN.XXXX" }));
    expect(started.status).toBe(201);

    const missing = await withTurnstile(pass, "/api/conversations", body({}));
    expect(missing.status).toBe(403);
    expect(await errorOf(missing)).toEqual({ code: "human-check-failed", message: HUMAN_CHECK_MESSAGE });

    const failing = await withTurnstile(fail, "/api/conversations", body({ humanCheck: "XXXX.DUMMY.TOKEN.XXXX" }));
    expect(failing.status).toBe(403);
    expect(await errorOf(failing)).toEqual({ code: "human-check-failed", message: HUMAN_CHECK_MESSAGE });
  });

  it("guards sign-in the same way", async () => {
    const officer = await createOfficer();
    const signIn = (secret: string, extra: object) =>
      withTurnstile(secret, "/api/session", json({ email: officer.email, password: officer.password, ...extra }, from("203.0.113.61")));
    const refused = await signIn("1x0000000000000000000000000000000AA", {});
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    const spent = await signIn("3x0000000000000000000000000000000AA", { humanCheck: "XXXX.DUMMY.TOKEN.XXXX" });
    expect(spent.status).toBe(403);
    const ok = await signIn("1x0000000000000000000000000000000AA", { humanCheck: "XXXX.DUMMY.TOKEN.XXXX" });
    expect(ok.status).toBe(200);
  });

  describe("the Siteverify client, against its documented contract", () => {
    const settings = { siteKey: TEST_SITE_KEY, secret: "1x0000000000000000000000000000000AA", siteverifyUrl: SITEVERIFY_URL };

    it("posts the secret, the token, the caller's address and an idempotency key as a form", async () => {
      let sent: FormData | undefined;
      let url = "";
      const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
        url = String(input);
        sent = init?.body as FormData;
        return Response.json({ success: true, "error-codes": [], action: "start-chat", hostname: "quietline.test" });
      }) as typeof fetch;
      expect(await checkHuman(settings, "token-1", "start-chat", "203.0.113.5", fetcher)).toEqual({ ok: true });
      expect(url).toBe(SITEVERIFY_URL);
      expect(sent?.get("secret")).toBe(settings.secret);
      expect(sent?.get("response")).toBe("token-1");
      expect(sent?.get("remoteip")).toBe("203.0.113.5");
      expect(String(sent?.get("idempotency_key"))).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("refuses a token made for another action, an unsuccessful answer, and a missing or oversized token", async () => {
      const answering = (answer: object) => (async () => Response.json(answer)) as unknown as typeof fetch;
      const signInToken = answering({ success: true, "error-codes": [], action: "sign-in" });
      expect(await checkHuman(settings, "t", "start-chat", null, signInToken)).toMatchObject({ ok: false, errorCodes: ["wrong-action"] });
      const invalid = answering({ success: false, "error-codes": ["invalid-input-response"] });
      expect(await checkHuman(settings, "t", "start-chat", null, invalid)).toEqual({
        ok: false,
        reason: "failed",
        errorCodes: ["invalid-input-response"],
      });
      let called = false;
      const never = (async () => ((called = true), Response.json({ success: true }))) as unknown as typeof fetch;
      expect(await checkHuman(settings, undefined, "sign-in", null, never)).toMatchObject({ ok: false, reason: "missing" });
      expect(await checkHuman(settings, "x".repeat(2049), "sign-in", null, never)).toMatchObject({ ok: false, reason: "missing" });
      expect(called).toBe(false);
    });

    it("lets a person through when Siteverify is down rather than keep a victim from help", async () => {
      const down = (async () => new Response("bad gateway", { status: 502 })) as unknown as typeof fetch;
      const unreachable = (async () => {
        throw new TypeError("network");
      }) as unknown as typeof fetch;
      expect(await checkHuman(settings, "t", "start-chat", null, down)).toEqual({ ok: true });
      expect(await checkHuman(settings, "t", "start-chat", null, unreachable)).toEqual({ ok: true });
    });
  });
});
