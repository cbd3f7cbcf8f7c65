/**
 * What the Worker writes to its log (Workers Logs in production) across whole chats: event
 * lines only, never a victim's words, address or token. Everything the Worker and its Durable
 * Objects write to the console is captured here: they run in this test's isolate, so the
 * console spied on is theirs. Failures are forced where an error would carry the victim's
 * words (a translation provider echoing its input, a storage error quoting what it stored), as
 * those are the lines that would leak them.
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StartedConversation } from "../../worker/shared/protocol";
import { acceptAndJoin, call, signedInOfficer, TestSocket, ticketFor, type ConversationSocket } from "./harness";
import { holdAlarms, restoreClock, runNextAlarm } from "./clock";

const VICTIM_ADDRESS = "203.0.113.77";
const VICTIM_WORDS = "Mieszkam przy ulicy Wróblewskiego 7731, on mnie bije i zabrał mi telefon";
const OFFICER_WORDS = "Marmalade-ocelot 4412: are you somewhere safe to talk right now?";
const SECOND_VICTIM_WORDS = "Boję się wrócić do domu, ZIELONY-KSIĘŻYC 5519";

/** Every console call, rendered as a console would print it: message, errors with their stack and cause. */
let printed: string[] = [];

function render(value: unknown, depth = 0): string {
  if (depth > 4) return "";
  if (value instanceof Error) {
    return `${value.name}: ${value.message}\n${value.stack ?? ""}${value.cause === undefined ? "" : `\ncause: ${render(value.cause, depth + 1)}`}`;
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? render(inner, depth + 1) : inner));
  } catch {
    return String(value);
  }
}

type Run = (model: string, inputs: Record<string, unknown>) => Promise<unknown>;

beforeEach(() => {
  printed = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map((arg) => render(arg)).join(" "));
    });
  }
  // Translation is on (Workers AI) and its provider fails, echoing what it was sent, as an
  // upstream error may.
  vi.spyOn(env.AI, "run").mockImplementation((async (model, inputs) => {
    throw new Error(`AiError: 5006: ${model} could not translate ${JSON.stringify(inputs)}`);
  }) as Run as unknown as typeof env.AI.run);
});
afterEach(() => {
  restoreClock();
  vi.restoreAllMocks();
});

async function startFrom(address: string, language: string): Promise<StartedConversation> {
  const response = await call("/api/conversations", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": address },
    body: JSON.stringify({ language }),
  });
  expect(response.status).toBe(201);
  return response.json();
}

async function chatFrom(address: string) {
  const started = await startFrom(address, "pl");
  const ticket = await ticketFor(started);
  const victim: ConversationSocket = await TestSocket.open(`/parties/conversation/${started.conversationId}?ticket=${ticket}`, {
    "CF-Connecting-IP": address,
  });
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started.conversationId, officer.cookie);
  await chat.next("welcome");
  return { started, ticket, victim, chat, officer };
}

/** The secrets and words of one chat, which no log line may contain. */
function neverLogged(secrets: string[]) {
  const leaks = printed.filter((line) => secrets.some((secret) => line.includes(secret)));
  expect(leaks, "log lines holding a victim's words, address or a secret").toEqual([]);
}

const events = () => printed.map((line) => /"event":"([^"]+)"/.exec(line)?.[1]).filter(Boolean);

describe("the Worker's log", () => {
  it("holds no message text, address, token, ticket or session across a chat, even when translation and sealing fail", async () => {
    const { started, ticket, victim, chat, officer } = await chatFrom(VICTIM_ADDRESS);

    victim.send({ type: "send", id: "log-victim-1", text: VICTIM_WORDS });
    expect((await chat.next("message")).message.text).toBe(VICTIM_WORDS);
    expect((await chat.next("translation", (f) => f.seq === 1)).translation.status).toBe("failed");
    chat.send({ type: "send", id: "log-officer-1", text: OFFICER_WORDS });
    expect((await victim.next("message", (f) => f.message.from === "officer")).message.text).toBe(OFFICER_WORDS);
    expect((await victim.next("translation", (f) => f.seq === 2)).translation.status).toBe("failed");

    // From here the chat's alarms wait for this test to run them.
    holdAlarms();
    // The first seal fails with an error quoting what was being stored, as a storage error may.
    const put = vi.spyOn(env.TRANSCRIPTS, "put").mockRejectedValueOnce(
      new Error(`D1_ERROR: failed query: insert into messages values (?, ?) params: ${VICTIM_WORDS}, ${VICTIM_ADDRESS}`),
    );
    const beacon = await call(`/api/conversations/${started.conversationId}/quick-exit`, {
      method: "POST",
      headers: { "CF-Connecting-IP": VICTIM_ADDRESS },
      body: started.token,
    });
    expect(beacon.status).toBe(204);
    expect(await chat.next("ended")).toEqual({ type: "ended", reason: "quick-exit" });
    const stub = env.Conversation.getByName(started.conversationId);
    await runNextAlarm(stub);
    expect(put).toHaveBeenCalled();

    // The retry, at its time, seals it.
    await runNextAlarm(stub);
    const sealed = await env.DB.prepare("SELECT transcript_sha256 FROM conversations WHERE id = ?").bind(started.conversationId).first();
    expect(sealed?.transcript_sha256).toMatch(/^[0-9a-f]{64}$/);

    // The failures were logged, as events an operator can count...
    expect(events()).toEqual(expect.arrayContaining(["translation.failed", "conversation.seal-failed"]));
    expect(printed.find((line) => line.includes("conversation.seal-failed"))).toContain(started.conversationId);
    // ...and nothing of the victim went with them.
    neverLogged([VICTIM_WORDS, "Wróblewskiego", OFFICER_WORDS, "Marmalade", VICTIM_ADDRESS, started.token, ticket, officer.cookie.split("=")[1]!]);
  });

  it("holds none of them when the officer ends a chat and it is sealed", async () => {
    const address = "2001:db8:4f1a::9c";
    const { started, ticket, victim, chat, officer } = await chatFrom(address);
    victim.send({ type: "send", id: "log-victim-2", text: SECOND_VICTIM_WORDS });
    await chat.next("translation", (f) => f.seq === 1);
    chat.send({ type: "end" });
    expect(await victim.next("ended")).toEqual({ type: "ended", reason: "officer-ended" });
    expect(await victim.closedWith()).toBe(1000);

    expect(events()).toContain("translation.failed");
    neverLogged([SECOND_VICTIM_WORDS, "KSIĘŻYC", address, started.token, ticket, officer.cookie.split("=")[1]!]);
  });

  it("holds no ticket from a socket asked of a namespace that does not exist", async () => {
    const started = await startFrom("198.51.100.23", "pl");
    const ticket = await ticketFor(started);
    const refused = await call(`/parties/no-such-party/${started.conversationId}?ticket=${ticket}`, { headers: { Upgrade: "websocket" } });
    expect(refused.status).toBe(404);
    neverLogged([ticket, started.conversationId]);
  });
});
