/**
 * Translation in workerd. Workers AI cannot run here, so its binding's `run` is replaced, in
 * these tests only, by a double that answers in each model's documented shapes.
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LibreTranslateProvider } from "../../worker/translation/libretranslate";
import { TranslationError } from "../../worker/translation/provider";
import { INDICTRANS, LLAMA, M2M100, routeFor } from "../../worker/translation/routes";
import { translationSetup } from "../../worker/translation/setup";
import { activeChat, type ConversationSocket } from "./harness";

type Run = (model: string, inputs: Record<string, unknown>) => Promise<unknown>;

/** Answers as Workers AI documents each model's output, marking the text with the target. */
const documentedAnswers: Run = async (model, inputs) => {
  if (model === INDICTRANS) return { translations: [`<${String(inputs.target_language)}> ${String(inputs.text)}`] };
  if (model === LLAMA) {
    const messages = inputs.messages as { role: string; content: string }[];
    return { response: `<llama> ${messages.at(-1)?.content}` };
  }
  return { translated_text: `<${String(inputs.target_lang)}> ${String(inputs.text)}` };
};

let run: ReturnType<typeof vi.fn<Run>>;

beforeEach(() => {
  run = vi.fn<Run>(documentedAnswers);
  vi.spyOn(env.AI, "run").mockImplementation(run as unknown as typeof env.AI.run);
});
afterEach(() => vi.restoreAllMocks());

async function chatIn(language: string) {
  const { victim, chat, welcome } = await activeChat(language);
  expect(welcome.translationOn).toBe(true);
  return { victim, chat };
}

async function translationOf(socket: ConversationSocket, seq: number) {
  return (await socket.next("translation", (f) => f.seq === seq)).translation;
}

describe("deliver first, translate after", () => {
  it("delivers the victim's message at once, then its translation into English as an update", async () => {
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "polish-message-1", text: "Dzień dobry, potrzebuję pomocy" });
    const delivered = await chat.next("message");
    expect(delivered.message).toMatchObject({ text: "Dzień dobry, potrzebuję pomocy", language: "pl" });
    expect(delivered.message.translation.status).toBe("pending");

    expect(await translationOf(chat, 1)).toEqual({
      status: "done",
      text: "<en> Dzień dobry, potrzebuję pomocy",
      to: "en",
      model: `workers-ai:${M2M100}`,
    });
    expect(run).toHaveBeenCalledWith(M2M100, { text: "Dzień dobry, potrzebuję pomocy", source_lang: "pl", target_lang: "en" }, expect.anything());
  });

  it("translates the officer's replies into the language the victim is writing in now", async () => {
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "switches-language", text: "Estoy en peligro, por favor ayuda" });
    await translationOf(chat, 1);
    chat.send({ type: "send", id: "officer-reply-1", text: "You are safe to talk here." });
    expect((await translationOf(victim, 2)).text).toBe("<llama> You are safe to talk here.");
  });

  it("leaves the message delivered and marked untranslated when the provider fails, and an officer can retry", async () => {
    run.mockRejectedValueOnce(new Error("InferenceUpstreamError: model failed"));
    const { victim, chat } = await chatIn("ro");
    victim.send({ type: "send", id: "romanian-message", text: "Vă rog, am nevoie de ajutor" });
    expect((await chat.next("message")).message.text).toBe("Vă rog, am nevoie de ajutor");
    expect((await translationOf(chat, 1)).status).toBe("failed");

    chat.send({ type: "retry-translation", seq: 1 });
    expect((await translationOf(chat, 1)).status).toBe("pending");
    expect(await translationOf(chat, 1)).toMatchObject({ status: "done", text: "<en> Vă rog, am nevoie de ajutor" });
  });

  it("does not wait for a provider that hangs: the translation fails at the deadline", async () => {
    run.mockImplementationOnce(() => new Promise(() => undefined));
    const { victim, chat } = await chatIn("lt");
    victim.send({ type: "send", id: "lithuanian-msg", text: "Prašau, man reikia pagalbos" });
    expect((await chat.next("message")).message.translation.status).toBe("pending");
    victim.send({ type: "send", id: "lithuanian-msg-2", text: "Aš esu namuose" });
    expect((await chat.next("message")).message.seq).toBe(2);
    expect((await translationOf(chat, 1)).status).toBe("failed");
  });

  it("waits and retries when the provider is busy", async () => {
    run.mockRejectedValueOnce(new Error("3040: Capacity temporarily exceeded, please try again (429)"));
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "busy-provider-1", text: "Czy ktoś tam jest?" });
    expect((await translationOf(chat, 1)).status).toBe("done");
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("translates the same text in the same pair once, from the cache after that", async () => {
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "start-polish-1", text: "Jestem w domu" });
    await translationOf(chat, 1);
    run.mockClear();
    chat.send({ type: "send", id: "repeat-phrase-1", text: "Is he with you now?" });
    await translationOf(victim, 2);
    chat.send({ type: "send", id: "repeat-phrase-2", text: "Is he with you now?" });
    expect((await translationOf(victim, 3)).text).toBe("<pl> Is he with you now?");
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("uses a quick reply's written translation instead of machine translation", async () => {
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "quick-reply-start", text: "Pomóż mi" });
    await translationOf(chat, 1);
    run.mockClear();
    chat.send({ type: "send", id: "quick-reply-send", text: "Are you safe to talk right now?", quickReply: "safety-safe-to-talk" });
    const message = (await victim.next("message", (f) => f.message.from === "officer")).message;
    expect(message.translation).toMatchObject({ status: "done", to: "pl", model: "quick-reply:safety-safe-to-talk" });
    expect(message.translation.text).not.toContain("safe");
    expect(run).not.toHaveBeenCalled();
  });

  it("machine-translates a quick reply the officer edited, and gives a DASH question asked in the chat its reviewed words", async () => {
    const { victim, chat } = await chatIn("pl");
    victim.send({ type: "send", id: "edited-reply-start", text: "Pomóż mi" });
    await translationOf(chat, 1);
    run.mockClear();
    chat.send({ type: "send", id: "edited-reply", text: "Are you safe to talk right now? Yes or no.", quickReply: "safety-safe-to-talk" });
    expect((await translationOf(victim, 2)).text).toBe("<pl> Are you safe to talk right now? Yes or no.");
    expect(run).toHaveBeenCalledTimes(1);

    chat.send({ type: "send", id: "asked-question", text: "Are you very frightened?", quickReply: "dash-frightened" });
    const asked = (await victim.next("message", (f) => f.message.id === "asked-question")).message;
    expect(asked.translation).toMatchObject({ status: "done", to: "pl", text: "Czy bardzo się boisz?", model: "quick-reply:dash-frightened" });
  });

  it("says nothing needs translating when both sides write English", async () => {
    const { victim, chat } = await chatIn("en");
    victim.send({ type: "send", id: "english-message", text: "I need help please" });
    expect((await chat.next("message")).message.translation.status).toBe("not-needed");
    expect(run).not.toHaveBeenCalled();
  });
});

describe("routing", () => {
  it("picks the model that serves each pair", async () => {
    expect(routeFor("en", "pa")?.model).toBe(INDICTRANS);
    expect(routeFor("en", "ur")?.model).toBe(INDICTRANS);
    expect(routeFor("pa", "en")?.model).toBe(M2M100);
    expect(routeFor("es", "en")?.model).toBe(LLAMA);
    expect(routeFor("pl", "en")?.model).toBe(M2M100);
    expect(routeFor("en", "ta")?.model).toBe(INDICTRANS);
    expect(routeFor("ti", "en")).toBeNull();
    expect(routeFor("ckb", "en")).toBeNull();

    const { victim, chat } = await chatIn("pa");
    victim.send({ type: "send", id: "punjabi-message", text: "ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ" });
    await translationOf(chat, 1);
    chat.send({ type: "send", id: "english-to-punjabi", text: "Help is coming." });
    expect((await translationOf(victim, 2)).model).toBe(`workers-ai:${INDICTRANS}`);
    expect(run).toHaveBeenLastCalledWith(INDICTRANS, { text: "Help is coming.", target_language: "pan_Guru" }, expect.anything());
  });
});

describe("choosing a provider", () => {
  it("refuses anything but the three real providers, so no stand-in can be switched on by configuration", () => {
    for (const wanted of ["fake", "test", "double", "mock", "WORKERS-AI"]) {
      const setup = translationSetup({ TRANSLATION_PROVIDER: wanted, AI: env.AI });
      expect(setup.provider).toBeNull();
      expect(setup.problem).toMatch(/not a provider/);
    }
    expect(translationSetup({ TRANSLATION_PROVIDER: "off" })).toEqual({ mode: "off", provider: null, problem: null });
    expect(translationSetup({ TRANSLATION_PROVIDER: "libretranslate" }).problem).toMatch(/LIBRETRANSLATE_URL/);
    expect(translationSetup({ TRANSLATION_PROVIDER: "workers-ai", AI: env.AI }).mode).toBe("workers-ai");
  });
});

describe("the LibreTranslate provider", () => {
  const provider = () => new LibreTranslateProvider(env.TEST_LIBRETRANSLATE_URL, undefined);
  const signal = () => new AbortController().signal;

  it("translates through a server speaking the LibreTranslate API", async () => {
    const result = await provider().translate({ text: "Dzień dobry, potrzebuję pomocy", from: "pl", to: "en" }, signal());
    expect(result.text).toBe("Good morning, I need help");
    expect(result.model).toMatch(/^libretranslate@127\.0\.0\.1:\d+$/);
    const detected = await provider().translate({ text: "Proszę, pomóż mi", from: null, to: "en" }, signal());
    expect(detected).toMatchObject({ text: "Please, help me", detected: "pl" });
  });

  it("reports a busy server as rate-limited, and an unreachable one as failed", async () => {
    await expect(provider().translate({ text: "please be busy", from: "en", to: "pl" }, signal())).rejects.toMatchObject({
      kind: "rate-limited",
    });
    const nowhere = new LibreTranslateProvider("http://127.0.0.1:9", undefined);
    const error = await nowhere.translate({ text: "x", from: "en", to: "pl" }, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as TranslationError).kind).toBe("failed");
  });
});
