import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../worker/shared/risk-indicators";
import { findRiskCues, LEXICONS } from "../../worker/assist/risk-cues/find-cues";
import { DASH } from "../../worker/assessment/dash";
import { TUNING, type CueExample } from "./risk-cue-examples";

const read = (example: CueExample) =>
  findRiskCues({
    text: example.text,
    language: example.language,
    translation: example.translation ? { text: example.translation, language: "en" } : null,
  });

describe("risk cues", () => {
  it.each(TUNING.map((example) => [example.text, example] as const))("in %s finds what a reader would mark, in the words that show it", (_text, example) => {
    const found = Object.fromEntries(read(example).map((cue) => [cue.indicator, cue.words]));
    expect(found).toEqual(example.cues);
  });

  it("says which text the words were found in, and that they are exactly there", () => {
    for (const example of TUNING) {
      for (const cue of read(example)) {
        const text = cue.foundIn === "original" ? example.text : example.translation;
        expect(text).toContain(cue.words);
      }
    }
    const ukrainian = TUNING.find((example) => example.language === "uk")!;
    expect(read(ukrainian)).toEqual([expect.objectContaining({ indicator: "weapon", words: "gun", foundIn: "translation" })]);
  });

  it("finds a cue in the original before its translation, once per indicator", () => {
    const cues = findRiskCues({ text: "Ma nóż", language: "pl", translation: { text: "He has a knife", language: "en" } });
    expect(cues).toEqual([{ indicator: "weapon", question: "weapons", immediate: true, words: "nóż", foundIn: "original" }]);
  });

  it("reads a message whose language could not be told with every list", () => {
    expect(findRiskCues({ text: "knife", language: null, translation: null }).map((cue) => cue.indicator)).toEqual(["weapon"]);
  });

  it("names only real DASH questions, and marks the immediate dangers", () => {
    const questions = new Set(DASH.groups.flatMap((group) => group.questions.map((question) => question.id)));
    for (const indicator of Object.values(INDICATORS)) expect(questions).toContain(indicator.question);
    const immediate = Object.entries(INDICATORS).filter(([, indicator]) => indicator.immediate).map(([id]) => id);
    expect(immediate.sort()).toEqual(["children-threatened", "strangulation", "threat-to-kill", "weapon"]);
  });

  it("has lists in English, Polish, Urdu and Arabic, marked as drafts until reviewed", () => {
    expect(LEXICONS.map((lexicon) => lexicon.language).sort()).toEqual(["ar", "en", "pl", "ur"]);
    for (const lexicon of LEXICONS) expect(lexicon.status).toBe("draft for review");
  });
});
