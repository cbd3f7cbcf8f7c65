/**
 * Drafted DASH answers (issue 23), through the staff API with the real Conversation and D1.
 * Workers AI is remote, so its `run` is answered here in its documented JSON-mode shape
 * (`{ response: <object> }`, https://developers.cloudflare.com/workers-ai/json-mode/); the
 * service turns drafting on only through ASSIST_PROVIDER, which these tests set and restore.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import type { AssessmentView, DashDraftsView } from "../../worker/shared/protocol";
import { LLAMA } from "../../worker/translation/routes";
import { activeChat, call, signedInOfficer } from "./harness";

const settable = env as unknown as { ASSIST_PROVIDER?: string };
const configured = settable.ASSIST_PROVIDER;

afterEach(() => {
  settable.ASSIST_PROVIDER = configured;
  vi.restoreAllMocks();
});

/** Workers AI answering each call with the next of `replies` (a value, or an error to throw). */
function workersAiAnswering(...replies: unknown[]) {
  settable.ASSIST_PROVIDER = "workers-ai";
  let call = 0;
  return vi.spyOn(env.AI, "run").mockImplementation((async () => {
    const reply = replies[Math.min(call++, replies.length - 1)];
    if (reply instanceof Error) throw reply;
    return reply;
  }) as never);
}

async function chatWithWords(...texts: string[]) {
  const chat = await activeChat();
  const seqs: number[] = [];
  for (const [i, text] of texts.entries()) {
    chat.victim.send({ type: "send", id: `victim-words-${i}`, text });
    seqs.push((await chat.victim.next("ack")).seq);
  }
  chat.chat.send({ type: "send", id: "officer-words-1", text: "Does he have a gun?" });
  await chat.chat.next("ack");
  return { ...chat, seqs };
}

async function askForDrafts(conversationId: string, cookie: string) {
  const response = await call(`/api/conversations/${conversationId}/assist/dash-drafts`, { method: "POST", headers: { Cookie: cookie } });
  return { status: response.status, body: (await response.json()) as DashDraftsView & { error?: { code: string; message: string } } };
}

describe("drafted DASH answers", () => {
  it("are unavailable, and nothing is sent to a model, unless the service turned drafting on", async () => {
    const { started, officer } = await chatWithWords("He has a knife in the kitchen");
    const run = vi.spyOn(env.AI, "run");
    const { status, body } = await askForDrafts(started.conversationId, officer.cookie);
    expect(status).toBe(200);
    expect(body).toEqual({ available: false, reason: "Drafting is turned off for this service." });
    expect(run).not.toHaveBeenCalled();
  });

  it("show only drafts whose every quote is a real passage of the victim's messages", async () => {
    const { started, officer, seqs } = await chatWithWords("Last night he has a knife in his hand and said he would use it", "I am 20 weeks pregnant");
    const run = workersAiAnswering({
      response: {
        drafts: [
          { question: "weapons", answer: "yes", quotes: [{ message: seqs[0], text: "he has a knife in his hand" }] },
          // Invented: the victim never wrote this.
          { question: "strangled", answer: "yes", quotes: [{ message: seqs[0], text: "he choked me twice" }] },
          // Real words, but in another message than the one named.
          { question: "pregnancy", answer: "yes", quotes: [{ message: seqs[0], text: "20 weeks pregnant" }] },
          // No quote at all.
          { question: "threat-to-kill", answer: "yes", quotes: [] },
        ],
      },
    });
    const { status, body } = await askForDrafts(started.conversationId, officer.cookie);
    expect(status).toBe(200);
    expect(body).toEqual({
      available: true,
      model: LLAMA,
      drafts: [{ questionId: "weapons", answer: "yes", quotes: [{ seq: seqs[0], text: "he has a knife in his hand" }] }],
      dropped: 3,
    });
    // Asked in JSON mode, with the victim's words and never the officer's.
    const [model, inputs] = run.mock.calls[0]! as unknown as [string, { messages: { content: string }[]; response_format: { type: string } }];
    expect(model).toBe(LLAMA);
    expect(inputs.response_format.type).toBe("json_schema");
    const sent = inputs.messages.map((m) => m.content).join("\n");
    expect(sent).toContain("I am 20 weeks pregnant");
    expect(sent).not.toContain("Does he have a gun?");
  });

  it("leave out questions the officer has already answered", async () => {
    const { started, officer, seqs } = await chatWithWords("He has a knife");
    const answered = await call(`/api/conversations/${started.conversationId}/assessment`, {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "answer", questionId: "weapons", answer: "yes" }),
    });
    expect(answered.status).toBe(201);
    const run = workersAiAnswering({ response: { drafts: [{ question: "weapons", answer: "yes", quotes: [{ message: seqs[0], text: "He has a knife" }] }] } });
    const { body } = await askForDrafts(started.conversationId, officer.cookie);
    expect(body).toMatchObject({ available: true, drafts: [], dropped: 1 });
    const [, inputs] = run.mock.calls[0]! as unknown as [string, { messages: { content: string }[] }];
    expect(inputs.messages[1]!.content).not.toMatch(/^weapons:/m);
  });

  it("read a reply the model wrote as text, and ask again when a reply is not in the form asked for", async () => {
    const { started, officer, seqs } = await chatWithWords("He follows me to work every day");
    const valid = { drafts: [{ question: "constant-contact", answer: "yes", quotes: [{ message: seqs[0], text: "He follows me to work" }] }] };
    const run = workersAiAnswering({ response: { answer: "yes" } }, { response: JSON.stringify(valid) });
    const { body } = await askForDrafts(started.conversationId, officer.cookie);
    expect(body).toMatchObject({ available: true, drafts: [{ questionId: "constant-contact" }], dropped: 0 });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("say plainly when the model fails, and the chat carries on", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { started, officer, victim, chat } = await chatWithWords("He has a knife");
    workersAiAnswering(new Error("3040: Capacity temporarily exceeded, please try again."));
    const { status, body } = await askForDrafts(started.conversationId, officer.cookie);
    expect(status).toBe(503);
    expect(body.error).toEqual({ code: "assist-failed", message: "The model is busy. Try again in a minute. The checklist can be filled in as usual." });
    victim.send({ type: "send", id: "after-failure", text: "Are you still there?" });
    expect((await chat.next("message", (f) => f.message.text === "Are you still there?")).message.from).toBe("victim");
  });

  it("are only for whoever is in the chat", async () => {
    const { started } = await chatWithWords("He has a knife");
    const other = await signedInOfficer();
    const run = workersAiAnswering({ response: { drafts: [] } });
    const { status } = await askForDrafts(started.conversationId, other.cookie);
    expect(status).toBe(404);
    expect(run).not.toHaveBeenCalled();
  });
});

describe("drafted handover notes and case summaries", () => {
  it("read the whole chat and come back as text for the officer to edit", async () => {
    const { started, officer } = await chatWithWords("He has a knife in the kitchen");
    const run = workersAiAnswering({
      response: { happened: "The victim said he has a knife.", risks: ["Weapon in the home"], promised: ["A call back before 6pm"], outstanding: [] },
    });
    const response = await call(`/api/conversations/${started.conversationId}/assist/handover-draft`, { method: "POST", headers: { Cookie: officer.cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      available: true,
      model: LLAMA,
      text: "What has happened: The victim said he has a knife.\n\nRisks:\n- Weapon in the home\n\nPromised:\n- A call back before 6pm\n\nOutstanding: none noted.",
    });
    const [, inputs] = run.mock.calls[0]! as unknown as [string, { messages: { content: string }[] }];
    // Both sides: what the officer promised is in the officer's words.
    expect(inputs.messages[1]!.content).toContain("Victim: He has a knife in the kitchen");
    expect(inputs.messages[1]!.content).toContain("Officer: Does he have a gun?");
  });

  it("are unavailable when drafting is off, and say so plainly when the model fails", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { started, officer } = await chatWithWords("He has a knife in the kitchen");
    const path = `/api/conversations/${started.conversationId}/assist/case-summary-draft`;
    expect(await (await call(path, { method: "POST", headers: { Cookie: officer.cookie } })).json()).toEqual({
      available: false,
      reason: "Drafting is turned off for this service.",
    });
    workersAiAnswering({ response: { summary: "" } });
    const refused = await call(path, { method: "POST", headers: { Cookie: officer.cookie } });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({
      error: { code: "assist-failed", message: "The model's answer was not in the form asked for. Write the summary yourself." },
    });
  });
});

describe("an accepted draft", () => {
  it("is the officer's answer, recorded as drafted by the named model, and only a model this service drafts with", async () => {
    const { started, officer, seqs } = await chatWithWords("He has a knife in the kitchen");
    const path = `/api/conversations/${started.conversationId}/assessment`;
    const accept = (draftedBy: string) =>
      call(path, {
        method: "POST",
        headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "answer", questionId: "weapons", answer: "yes", messageSeqs: [seqs[0]], draftedBy }),
      });
    expect((await accept("@cf/some/other-model")).status).toBe(400);
    const accepted = await accept(LLAMA);
    expect(accepted.status).toBe(201);
    const view = (await accepted.json()) as AssessmentView;
    expect(view.entries.at(-1)).toMatchObject({ questionId: "weapons", answer: "yes", officerId: officer.id, draftedBy: LLAMA, messageSeqs: [seqs[0]] });
    expect(view.grading.yesCount).toBe(1);
    const recorded = await runInDurableObject(env.Conversation.getByName(started.conversationId), (instance: Conversation) =>
      instance.store.entries().findLast((e) => e.kind === "assessment"),
    );
    expect(recorded).toMatchObject({ by: { role: "officer", officerId: officer.id }, data: { questionId: "weapons", draftedBy: LLAMA } });
    // An answer the officer gives unprompted carries no such mark.
    const own = await call(path, {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "answer", questionId: "frightened", answer: "yes" }),
    });
    expect(((await own.json()) as AssessmentView).entries.at(-1)).not.toHaveProperty("draftedBy");
  });
});

