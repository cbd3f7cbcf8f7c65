/**
 * Reading a message's language: the real fastText model in workerd on the languages that were
 * read wrongly before (issue 18's table), and the rules around it with a stand-in model.
 */
import { describe, expect, it } from "vitest";
import { guessLanguages } from "../../worker/translation/identify/fasttext";
import { identifyLanguage, type GuessLanguages, type LanguageContext } from "../../worker/translation/identify/identify";

const NO_CONTEXT: LanguageContext = { conversation: null, page: null };
const read = (text: string, context: LanguageContext = NO_CONTEXT) => identifyLanguage(text, context, guessLanguages);

describe("the model, in the Worker", () => {
  // Chat lines in each language that the old hand-written rules read as Urdu, English or Spanish.
  const LINES: [string, string][] = [
    ["fa", "شوهرم مرا کتک می‌زند و نمی‌دانم باید چه کار کنم"],
    ["ckb", "مێردەکەم لێم دەدات و دەترسم بگەڕێمەوە ماڵەوە"],
    ["ps", "زه ډېره وېرېږم، هغه ما وهي او ګواښ راته کوي"],
    ["uk", "Він мене б'є, і я боюся повертатися додому"],
    ["ru", "Он угрожает мне, я боюсь за своих детей"],
    ["tr", "Kocam bana vuruyor ve eve dönmekten korkuyorum"],
    ["zh", "我丈夫打我，我不敢回家，请帮帮我"],
    ["sq", "Burri im më rreh dhe kam frikë të kthehem në shtëpi"],
    ["fr", "Mon mari me frappe et j'ai peur de rentrer à la maison"],
    ["vi", "Chồng tôi đánh tôi và tôi sợ phải về nhà"],
    ["it", "Mio marito mi picchia e ho paura di tornare a casa"],
    ["ti", "ሰብኣየይ ይወቕዓኒ እዩ፣ ሓገዝ የድልየኒ ኣሎ። ኣብ ገዛ ክኸይድ እፈርህ እየ።"],
    ["ur", "میرا شوہر مجھے مارتا ہے اور میں گھر جانے سے ڈرتی ہوں"],
    ["ar", "زوجي يضربني وأخاف أن أعود إلى البيت"],
  ];

  it.each(LINES)("reads %s from the text, with the page left in English", async (language, text) => {
    expect(await read(text, { conversation: null, page: "en" })).toEqual({ language, by: "text" });
  });

  it("keeps the page's script: Chinese on a Traditional Chinese page is zh-Hant", async () => {
    expect((await read("我丈夫打我，我不敢回家，請幫幫我", { conversation: null, page: "zh-Hant" })).language).toBe("zh-Hant");
  });
});

describe("the rules around the model", () => {
  const sure =
    (language: string, probability = 0.9): GuessLanguages =>
    async () => [{ language, probability }];

  it("takes a clear reading over the conversation's and the page's language", async () => {
    const context = { conversation: "pl", page: "pl" };
    expect(await identifyLanguage("Necesito ayuda, por favor", context, sure("es"))).toEqual({ language: "es", by: "text" });
  });

  it("falls back to the conversation, then the page, when the model is unsure or the text too short", async () => {
    expect(await identifyLanguage("Necesito ayuda", { conversation: "ro", page: "pl" }, sure("es", 0.3))).toEqual({
      language: "ro",
      by: "conversation",
    });
    expect(await identifyLanguage("ok", { conversation: null, page: "pl" }, sure("en", 0.99))).toEqual({ language: "pl", by: "page" });
    expect(await identifyLanguage("ok", NO_CONTEXT, sure("en", 0.4))).toEqual({ language: "en", by: "guess" });
    expect(await identifyLanguage("12:30 !!", { conversation: "ro", page: "pl" }, sure("en"))).toEqual({ language: null, by: null });
  });

  it("does not fall back to a language the text's script cannot be", async () => {
    // Unsure Arabic-script text in a conversation that was Russian: Russian is not a reading of it.
    const unsureArabicScript = sure("ckb", 0.3);
    expect(await identifyLanguage("ماڵەوە", { conversation: "ru", page: "en" }, unsureArabicScript)).toEqual({ language: "ckb", by: "guess" });
    // The same word in a Sorani conversation is Sorani.
    expect(await identifyLanguage("ماڵەوە", { conversation: "ckb", page: "en" }, unsureArabicScript)).toEqual({
      language: "ckb",
      by: "conversation",
    });
    // Latin letters may be a romanised anything: "theek hai" in an Urdu conversation stays Urdu.
    expect(await identifyLanguage("theek hai", { conversation: "ur", page: "en" }, sure("en", 0.2))).toEqual({ language: "ur", by: "conversation" });
  });

  it("applies an officer's correction to later readings", async () => {
    const context = { conversation: "fa", page: "en", corrections: { ur: "fa" } };
    expect(await identifyLanguage("این را نمی‌دانم", context, sure("ur"))).toEqual({ language: "fa", by: "text" });
  });

  it("tells Tigrinya from Amharic, which the model cannot, and takes Tigrinya when too short to say", async () => {
    const neverAsked: GuessLanguages = async () => {
      throw new Error("the model is not asked about Ethiopic script");
    };
    expect(await identifyLanguage("ባለቤቴ ይመታኛል፣ ወደ ቤት መመለስ እፈራለሁ። እርዳታ እፈልጋለሁ።", NO_CONTEXT, neverAsked)).toEqual({ language: "am", by: "text" });
    expect(await identifyLanguage("ሰብኣየይ ይወቕዓኒ እዩ፣ ሓገዝ የድልየኒ ኣሎ። ኣብ ገዛ ክኸይድ እፈርህ እየ።", NO_CONTEXT, neverAsked)).toEqual({ language: "ti", by: "text" });
    expect(await identifyLanguage("ሰላም", { conversation: "am", page: "en" }, neverAsked)).toEqual({ language: "am", by: "conversation" });
    expect(await identifyLanguage("ሰላም", { conversation: null, page: "en" }, neverAsked)).toEqual({ language: "ti", by: "guess" });
  });
});

describe("readings checked against the text", () => {
  const sure =
    (language: string, probability = 0.9): GuessLanguages =>
    async () => [{ language, probability }];

  it("takes a 'Japanese' reading of text with no kana as Chinese", async () => {
    expect(await identifyLanguage("我不敢回家，请帮帮我", NO_CONTEXT, sure("ja", 0.95))).toEqual({ language: "zh", by: "text" });
    expect(await identifyLanguage("家に帰るのが怖いです", NO_CONTEXT, sure("ja", 0.95))).toEqual({ language: "ja", by: "text" });
  });

  it("needs a surer reading for Latin letters in an Urdu conversation: romanised Urdu is not Indonesian", async () => {
    const indonesianish = sure("id", 0.76);
    const urdu = { conversation: "ur", page: "en" };
    expect(await identifyLanguage("main bahut dari hui hoon, kya aap meri madad kar sakte hain", urdu, indonesianish)).toEqual({
      language: "ur",
      by: "conversation",
    });
    // The same reading with no such conversation stands.
    expect((await identifyLanguage("main bahut dari hui hoon, kya aap meri madad kar sakte hain", NO_CONTEXT, indonesianish)).language).toBe("id");
    // A victim who switches to plain English is still read as English.
    expect(await identifyLanguage("please help me he is here now", urdu, sure("en", 0.97))).toEqual({ language: "en", by: "text" });
  });
});
