import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_PIN_TRIES, normaliseCode } from "../../worker/auth/resume-codes";
import type { StartedConversation } from "../../worker/shared/protocol";
import { acceptAndJoin, call, connectVictim, signedInOfficer } from "./harness";

const supervisorOf = signedInOfficer;

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function start(body: unknown = {}) {
  const response = await call("/api/conversations", json(body));
  return { response, started: response.status === 201 ? ((await response.json()) as StartedConversation) : null };
}

/** A chat with one message each way, ended by the victim. */
async function finishedChat(body: unknown = {}) {
  const { started } = await start(body);
  const victim = await connectVictim(started!);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started!.conversationId, officer.cookie);
  await chat.next("welcome");
  victim.send({ type: "send", id: "earlier-message-1", text: "It happened again last night" });
  await chat.next("message");
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
  return started!;
}

async function takeCode(started: StartedConversation, pin: string) {
  return call(`/api/conversations/${started.conversationId}/resume-code`, json({ pin }, { Authorization: `Bearer ${started.token}` }));
}

describe("returning victims", () => {
  it("take a four-word code with a PIN at the end, and their next chat shows the officer the earlier one", async () => {
    const first = await finishedChat({ language: "pl" });
    const issued = await takeCode(first, "2468");
    expect(issued.status).toBe(201);
    const { code, expiresInDays } = (await issued.json()) as { code: string; expiresInDays: number };
    expect(code.split(" ")).toHaveLength(4);
    expect(expiresInDays).toBe(90);

    // Only digests are kept.
    const stored = await env.DB.prepare("SELECT * FROM resume_codes").all<Record<string, string>>();
    expect(JSON.stringify(stored.results)).not.toContain(code.split(" ")[0]);
    expect(JSON.stringify(stored.results)).not.toContain("2468");

    const { started: again } = await start({ language: "pl", resume: { code: `  ${code.toUpperCase().replaceAll(" ", ", ")} `, pin: "2468" } });
    expect(again).not.toBeNull();
    const officer = await signedInOfficer();
    const chat = await acceptAndJoin(again!.conversationId, officer.cookie);
    expect((await chat.next("welcome")).victim).toEqual({ language: "pl", returning: true });

    const earlier = await call(`/api/conversations/${again!.conversationId}/earlier`, { headers: { Cookie: officer.cookie } });
    const body = (await earlier.json()) as { conversations: { conversationId: string; messages: { text: string }[] }[] };
    expect(body.conversations.map((c) => c.conversationId)).toEqual([first.conversationId]);
    expect(body.conversations[0]?.messages.map((m) => m.text)).toEqual(["It happened again last night"]);
    expect(body.conversations[0]).toMatchObject({ assessment: null });

    const rows = await env.DB.prepare("SELECT id, is_returning FROM conversations WHERE id IN (?, ?)")
      .bind(first.conversationId, again!.conversationId)
      .all<{ id: string; is_returning: number }>();
    expect(Object.fromEntries(rows.results.map((r) => [r.id, r.is_returning]))).toEqual({
      [first.conversationId]: 0,
      [again!.conversationId]: 1,
    });
  });

  it("shows the earlier chats only to the officer in this chat and to supervisors", async () => {
    const first = await finishedChat();
    const { code } = (await (await takeCode(first, "1357")).json()) as { code: string };
    const { started: again } = await start({ resume: { code, pin: "1357" } });
    const officer = await signedInOfficer();
    (await acceptAndJoin(again!.conversationId, officer.cookie)).close();
    const path = `/api/conversations/${again!.conversationId}/earlier`;

    const stranger = await signedInOfficer();
    expect((await call(path, { headers: { Cookie: stranger.cookie } })).status).toBe(404);
    expect((await call(path)).status).toBe(401);
    const supervisor = await supervisorOf("supervisor");
    expect((await call(path, { headers: { Cookie: supervisor.cookie } })).status).toBe(200);
  });

  it("limits wrong PINs, then locks the code", async () => {
    const first = await finishedChat();
    const { code } = (await (await takeCode(first, "9999")).json()) as { code: string };
    for (let i = 1; i < MAX_PIN_TRIES; i++) {
      const { response } = await start({ resume: { code, pin: "0000" } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "bad-code", triesLeft: MAX_PIN_TRIES - i } });
    }
    const last = await start({ resume: { code, pin: "0000" } });
    expect(last.response.status).toBe(403);
    // Locked: even the right PIN no longer works.
    const right = await start({ resume: { code, pin: "9999" } });
    expect(right.response.status).toBe(403);
    expect(await right.response.json()).toMatchObject({ error: { code: "code-locked" } });
  });

  it("answers an unknown code like a wrong PIN, and refuses a code before the chat ends or without the token", async () => {
    const unknown = await start({ resume: { code: "apple river stone kite", pin: "1234" } });
    expect(unknown.response.status).toBe(401);
    expect(await unknown.response.json()).toEqual({ error: { code: "bad-code", message: "That code and PIN do not match." } });

    const { started } = await start();
    expect((await takeCode(started!, "1234")).status).toBe(409);
    expect((await takeCode({ ...started!, token: "A".repeat(43) }, "1234")).status).toBe(401);
    const badPin = await takeCode(started!, "12");
    expect(badPin.status).toBe(400);
    expect(await badPin.json()).toMatchObject({ error: { message: "A PIN is 4 to 8 digits." } });
  });

  it("treats the same words written differently as one code", () => {
    expect(normaliseCode(" Apple,RIVER  stone-kite ")).toBe("apple river stone kite");
  });
});

describe("a returning victim's earlier risk assessment", () => {
  it("is shown to the next officer with the earlier chat", async () => {
    const { started } = await start({ language: "en" });
    const victim = await connectVictim(started!);
    await victim.next("welcome");
    const officer = await signedInOfficer();
    (await acceptAndJoin(started!.conversationId, officer.cookie)).close();
    await call(`/api/conversations/${started!.conversationId}/assessment`, json({ kind: "judgement", grade: "high", reason: "Threats with a knife" }, { Cookie: officer.cookie }));
    victim.send({ type: "end" });
    await victim.next("ended");
    const { code } = (await (await takeCode(started!, "5555")).json()) as { code: string };

    const { started: again } = await start({ resume: { code, pin: "5555" } });
    const next = await signedInOfficer();
    (await acceptAndJoin(again!.conversationId, next.cookie)).close();
    const earlier = (await (await call(`/api/conversations/${again!.conversationId}/earlier`, { headers: { Cookie: next.cookie } })).json()) as {
      conversations: { assessment: unknown }[];
    };
    expect(earlier.conversations[0]?.assessment).toEqual({ grade: "high", yesCount: 0, maracReferral: true });
  });
});
