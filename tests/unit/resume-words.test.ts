/**
 * The resume code word lists: one for each page language (or English, said so), each 256 single
 * words in its own script that are unique as codes are matched, with no word the start of
 * another; and the normalising that keeps every script's words whole.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../app/lib/i18n/languages";
import { codeKey, foldWord, normaliseCode } from "../../worker/auth/resume-code-text";
import { ENGLISH_CODE_LANGUAGES, RESUME_WORD_LISTS, resumeWordsFor } from "../../worker/auth/resume-words";

const SCRIPTS: Record<string, RegExp> = {
  Latn: /^\p{Script=Latin}+$/u,
  Cyrl: /^\p{Script=Cyrillic}+$/u,
  Arab: /^\p{Script=Arabic}+$/u,
  Hans: /^\p{Script=Han}{2}$/u,
  Hant: /^\p{Script=Han}{2}$/u,
};

describe("the resume code word lists", () => {
  it("cover every language of the victim's page, or say it gets English", () => {
    const tags = LANGUAGES.map((l) => l.tag);
    expect([...Object.keys(RESUME_WORD_LISTS), ...ENGLISH_CODE_LANGUAGES].sort()).toEqual([...tags].sort());
    // At least these have their own list.
    for (const tag of ["pl", "ar", "es", "fr", "it", "pt", "ro", "ru", "uk", "bg", "lt", "hu", "sq", "tr", "fa", "zh-Hans", "zh-Hant"]) {
      expect(RESUME_WORD_LISTS[tag]).toBeDefined();
    }
  });

  it.each(Object.entries(RESUME_WORD_LISTS))("%s: 256 single words in its script, unique as codes are matched", (tag, words) => {
    expect(words).toHaveLength(256);
    const script = SCRIPTS[new Intl.Locale(tag).maximize().script!]!;
    const notWhole = words.filter((word) => !script.test(word) || normaliseCode(word) !== word);
    expect(notWhole).toEqual([]);
    const folded = words.map(foldWord);
    expect(new Set(words).size).toBe(256);
    expect(new Set(folded).size).toBe(256);
    // A word cut short, or typed without its accents, is never another word of the list.
    const starts = folded.flatMap((a) => folded.filter((b) => b !== a && b.startsWith(a)).map((b) => `${a} < ${b}`));
    expect(starts).toEqual([]);
  });

  it("give a page language its own list, and any other language English", () => {
    expect(resumeWordsFor("pl")).toEqual({ language: "pl", words: RESUME_WORD_LISTS.pl });
    expect(resumeWordsFor("pl-PL").language).toBe("pl");
    expect(resumeWordsFor("zh-hant").language).toBe("zh-Hant");
    expect(resumeWordsFor("ta").language).toBe("en");
    expect(resumeWordsFor("de").language).toBe("en");
    expect(resumeWordsFor(undefined).language).toBe("en");
  });
});

describe("a written-down resume code", () => {
  it("keeps words whole in every script: letters with their combining marks", () => {
    expect(normaliseCode(" Apple,RIVER  stone-kite ")).toBe("apple river stone kite");
    expect(normaliseCode("ŻÓŁW, kot")).toBe("żółw kot");
    // Decomposed as some keyboards type it, and composed again.
    expect(normaliseCode("z\u0307o\u0301łw")).toBe("żółw");
    expect(normaliseCode("قطة، حصان")).toBe("قطة حصان");
    expect(normaliseCode("ЁЖ  кот")).toBe("ёж кот");
    // Tamil's vowel signs are marks: the word is not cut at them.
    expect(normaliseCode("பூனை நாய்")).toBe("பூனை நாய்");
  });

  it("reads Chinese the same with or without spaces between its words", () => {
    expect(normaliseCode("猫咪 骏马，绵羊、山羊")).toBe("猫咪骏马绵羊山羊");
    expect(normaliseCode("猫咪骏马绵羊山羊")).toBe("猫咪骏马绵羊山羊");
    expect(normaliseCode("apple 猫咪 骏马 kite")).toBe("apple 猫咪骏马 kite");
  });

  it("matches what a phone keyboard changes: accents, ł and ı, ё, and Arabic and Persian letter forms", () => {
    expect(codeKey("ZOLW kot GES krolik")).toBe(codeKey("żółw kot gęś królik"));
    expect(codeKey("şosetă")).toBe(codeKey("șosetă"));
    expect(codeKey("balik ari")).toBe(codeKey("balık arı"));
    expect(codeKey("еж орел")).toBe(codeKey("ёж орёл"));
    expect(codeKey("ارنب اسد")).toBe(codeKey("أرنب أَسَد"));
    expect(codeKey("قطه")).toBe(codeKey("قطة"));
    expect(codeKey("كمثري")).toBe(codeKey("كمثرى"));
    expect(codeKey("كتاب")).toBe(codeKey("کتاب"));
    // But a different letter is a different word: Cyrillic й is not и, Ukrainian ї is not і.
    expect(codeKey("чай")).not.toBe(codeKey("чаи"));
    expect(codeKey("їжак")).not.toBe(codeKey("іжак"));
  });
});
