/**
 * Every language a victim writes in, in workerd: the language read from the text by the real
 * fastText model (not the page's language), the right source language sent to the provider,
 * replies in the victim's language as last shown, an officer's correction, and a language no
 * provider translates marked so. Translation goes through the LibreTranslate stand-in
 * (tests/support/fake-libretranslate.ts) or, where said, the Workers AI double.
 */
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import type { ChatMessage, ConversationServerFrame } from "../../worker/shared/protocol";
import { activeChat, type ConversationSocket } from "./harness";

type Settings = { TRANSLATION_PROVIDER?: string; LIBRETRANSLATE_URL?: string };
const settings = env as unknown as Settings;
const before = { ...settings };

/** Every /translate request the stand-in received since this test began: what the Worker asked for. */
let requests: () => Promise<{ q: string; source: string; target: string }[]>;

beforeEach(() => {
  // The Conversation reads its provider from the same env on every translation.
  settings.TRANSLATION_PROVIDER = "libretranslate";
  settings.LIBRETRANSLATE_URL = env.TEST_LIBRETRANSLATE_URL;
  const seen: { q: string; source: string; target: string }[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url.startsWith(env.TEST_LIBRETRANSLATE_URL) && request.method === "POST") {
      seen.push(JSON.parse(await request.clone().text()) as { q: string; source: string; target: string });
    }
    return realFetch(request);
  });
  requests = async () => seen;
});
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(settings, before);
});

/** The message the sender gave this id, as it reached the other side. */
async function delivered(socket: ConversationSocket, id: string): Promise<ChatMessage> {
  return (await socket.next("message", (f) => f.message.id === id)).message;
}

async function settled(socket: ConversationSocket, seq: number): Promise<Extract<ConversationServerFrame, { type: "translation" }>> {
  return socket.next("translation", (f) => f.seq === seq && f.translation.status !== "pending");
}

const UKRAINIAN = "Він мене б'є, і я боюся повертатися додому";
const FARSI = "شوهرم مرا تهدید می‌کند و من از او می‌ترسم";
const TIGRINYA = "ሰብኣየይ ይወቕዓኒ እዩ፣ ሓገዝ የድልየኒ ኣሎ። ኣብ ገዛ ክኸይድ እፈርህ እየ።";

describe("the language is read from the text, not from the page", () => {
  it("a victim with the page in English writes Ukrainian, then Farsi: each is translated from its own language, and the reply goes back in Farsi", async () => {
    const { victim, chat } = await activeChat("en");

    victim.send({ type: "send", id: "in-ukrainian", text: UKRAINIAN });
    expect((await delivered(chat, "in-ukrainian")).language).toBe("uk");
    expect((await settled(chat, 1)).translation).toMatchObject({ status: "done", text: `[uk>en] ${UKRAINIAN}`, to: "en" });

    victim.send({ type: "send", id: "in-farsi", text: FARSI });
    expect((await delivered(chat, "in-farsi")).language).toBe("fa");
    expect((await settled(chat, 2)).translation).toMatchObject({ status: "done", text: `[fa>en] ${FARSI}` });

    chat.send({ type: "send", id: "reply-in-english", text: "You are safe to talk here." });
    expect((await settled(victim, 3)).translation).toMatchObject({ status: "done", to: "fa" });
    expect(await requests()).toEqual([
      { q: UKRAINIAN, source: "uk", target: "en", format: "text" },
      { q: FARSI, source: "fa", target: "en", format: "text" },
      { q: "You are safe to talk here.", source: "en", target: "fa", format: "text" },
    ]);
  });

  it("keeps the conversation's language for a message too short to tell, and never lets the page override clear text", async () => {
    const { victim, chat } = await activeChat("pl");
    // The page says Polish, the text says Russian: the text wins.
    victim.send({ type: "send", id: "clear-russian", text: "Он угрожает мне, я боюсь за детей" });
    expect((await delivered(chat, "clear-russian")).language).toBe("ru");
    // "ok" says nothing: the conversation has shown Russian, so Russian it is (not the page's Polish).
    victim.send({ type: "send", id: "too-short", text: "ok" });
    expect((await delivered(chat, "too-short")).language).toBe("ru");
  });

  it("falls back to the page's language when the first message is too short to tell", async () => {
    const { victim, chat } = await activeChat("uk");
    victim.send({ type: "send", id: "just-yes", text: "так" });
    expect((await delivered(chat, "just-yes")).language).toBe("uk");
    await settled(chat, 1);
  });
});

describe("a language no provider translates", () => {
  it("is marked unavailable, not passed off as needing no translation, and nothing is sent to the provider", async () => {
    const { victim, chat } = await activeChat("ti");
    victim.send({ type: "send", id: "in-tigrinya", text: TIGRINYA });
    expect((await delivered(chat, "in-tigrinya")).language).toBe("ti");
    expect((await settled(chat, 1)).translation).toEqual({ status: "unavailable", text: null, to: "en", model: null });
    // The officer's reply cannot be translated into Tigrinya either: the victim gets it as written.
    chat.send({ type: "send", id: "reply-to-tigrinya", text: "We will find an interpreter." });
    expect((await settled(victim, 2)).translation.status).toBe("unavailable");
    expect((await requests()).filter((r) => r.q === TIGRINYA || r.target === "ti")).toEqual([]);
  });

  it("with Workers AI, follows the models' language lists: Tigrinya and Sorani are in none of them", async () => {
    settings.TRANSLATION_PROVIDER = "workers-ai";
    const run = vi.spyOn(env.AI, "run").mockImplementation((async (_model: string, inputs: Record<string, unknown>) => ({
      translated_text: `<${String(inputs.target_lang)}> ${String(inputs.text)}`,
    })) as unknown as typeof env.AI.run);
    const { victim, chat } = await activeChat("en");
    victim.send({ type: "send", id: "ai-tigrinya", text: TIGRINYA });
    expect((await settled(chat, 1)).translation.status).toBe("unavailable");
    victim.send({ type: "send", id: "ai-sorani", text: "مێردەکەم لێم دەدات و دەترسم بگەڕێمەوە ماڵەوە" });
    expect((await delivered(chat, "ai-sorani")).language).toBe("ckb");
    expect((await settled(chat, 2)).translation.status).toBe("unavailable");
    victim.send({ type: "send", id: "ai-pashto", text: "زه ډېره وېرېږم، هغه ما وهي او ګواښ راته کوي" });
    expect((await delivered(chat, "ai-pashto")).language).toBe("ps");
    expect((await settled(chat, 3)).translation).toMatchObject({ status: "done", model: "workers-ai:@cf/meta/m2m100-1.2b" });
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe("the officer corrects the language", () => {
  it("re-translates that message and the later ones read the same way, replies go into the corrected language, and the record keeps the correction", async () => {
    const { started, victim, chat, officer } = await activeChat("en");
    victim.send({ type: "send", id: "read-as-uk-1", text: UKRAINIAN });
    await settled(chat, 1);
    victim.send({ type: "send", id: "read-as-uk-2", text: "Будь ласка, допоможіть мені, я вдома з дітьми" });
    await settled(chat, 2);

    chat.send({ type: "set-language", seq: 1, language: "ru" });
    const first = await settled(chat, 1);
    expect(first).toMatchObject({ language: "ru", translation: { status: "done", text: `[ru>en] ${UKRAINIAN}` } });
    expect((await settled(chat, 2)).language).toBe("ru");

    chat.send({ type: "send", id: "reply-after-correction", text: "Is he with you now?" });
    expect((await settled(victim, 3)).translation.to).toBe("ru");
    // A later message the model reads as Ukrainian is taken as Russian, as the officer said.
    victim.send({ type: "send", id: "read-as-uk-3", text: "Він зараз спить, я пишу потихеньку" });
    expect((await delivered(chat, "read-as-uk-3")).language).toBe("ru");

    const entries = await runInDurableObject(env.Conversation.getByName(started.conversationId), (instance: Conversation) =>
      instance.store.entries(),
    );
    const correction = entries.find((e) => e.kind === "language");
    expect(correction).toMatchObject({
      by: { role: "officer", officerId: officer.id },
      data: { seq: 1, readAs: "uk", language: "ru" },
    });
    // The re-translations are in the record after the correction.
    const retranslated = entries.filter((e) => e.kind === "translation").filter((e) => e.n > correction!.n).map((e) => e.data.seq);
    expect(retranslated).toEqual(expect.arrayContaining([1, 2]));
  });

  it("is the assigned officer's alone, for the victim's messages, in a language the service knows", async () => {
    const { victim, chat } = await activeChat("en");
    victim.send({ type: "send", id: "to-correct", text: UKRAINIAN });
    await settled(chat, 1);
    victim.send({ type: "set-language", seq: 1, language: "ru" });
    expect(await victim.next("error")).toMatchObject({ code: "not-allowed" });
    chat.send({ type: "set-language", seq: 1, language: "xx" });
    expect(await chat.next("error")).toMatchObject({ code: "bad-frame" });
    chat.send({ type: "send", id: "officer-line", text: "Hello" });
    await chat.next("ack");
    chat.send({ type: "set-language", seq: 2, language: "ru" });
    expect(await chat.next("error")).toMatchObject({ code: "not-found" });
  });
});
