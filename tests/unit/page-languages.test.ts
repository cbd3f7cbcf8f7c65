/**
 * The victim page's languages: every one loads, has every word of the English, keeps each
 * `{placeholder}` and the emergency numbers exactly, runs in its script's direction, and has its
 * quick replies; the browser's language picks the right one, Chinese by script.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../app/lib/i18n/en";
import { LANGUAGES, preferredLanguage } from "../../app/lib/i18n/languages";
import { QUICK_REPLY_LANGUAGES, QUICK_REPLY_LIBRARY } from "../../worker/quick-replies/library";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const RIGHT_TO_LEFT_SCRIPTS = ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo"];

describe("the victim page's languages", () => {
  it("offers the languages people here speak, including those added for issue 18", () => {
    expect(LANGUAGES.map((l) => l.tag)).toEqual(
      expect.arrayContaining(["uk", "ru", "fa", "tr", "zh-Hans", "zh-Hant", "it", "fr", "bg", "ta", "hu", "sq", "ckb", "ti"]),
    );
  });

  it.each(LANGUAGES.map((l) => [l.tag, l] as const))("%s: every key, each placeholder and 999 kept, in its script's direction", async (tag, language) => {
    const words = await language.load();
    expect(Object.keys(words)).toEqual(Object.keys(en));
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(words[key])]).toEqual([key, placeholders(en[key])]);
      if (en[key].includes("999")) expect([key, words[key].includes("999")]).toEqual([key, true]);
    }
    const script = new Intl.Locale(tag).maximize().script ?? "Latn";
    expect(language.dir).toBe(RIGHT_TO_LEFT_SCRIPTS.includes(script) ? "rtl" : "ltr");
  });

  it("has the quick replies in every language the page speaks", () => {
    expect([...QUICK_REPLY_LANGUAGES].sort()).toEqual(LANGUAGES.map((l) => l.tag).sort());
    for (const phrase of QUICK_REPLY_LIBRARY) {
      for (const tag of QUICK_REPLY_LANGUAGES) expect([phrase.id, tag, phrase.text[tag].length > 0]).toEqual([phrase.id, tag, true]);
    }
  });

  it("follows the browser's language, Chinese by script or region", () => {
    expect(preferredLanguage(["uk-UA", "en"]).tag).toBe("uk");
    expect(preferredLanguage(["zh-TW"]).tag).toBe("zh-Hant");
    expect(preferredLanguage(["zh-HK"]).tag).toBe("zh-Hant");
    expect(preferredLanguage(["zh-Hant-HK"]).tag).toBe("zh-Hant");
    expect(preferredLanguage(["zh-CN"]).tag).toBe("zh-Hans");
    expect(preferredLanguage(["zh"]).tag).toBe("zh-Hans");
    expect(preferredLanguage(["xx", "fa-IR"]).tag).toBe("fa");
    expect(preferredLanguage(["xx"]).tag).toBe("en");
  });
});
