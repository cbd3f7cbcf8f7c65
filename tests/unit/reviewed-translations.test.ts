/**
 * Words sent with reviewed translations: a DASH question asked in the chat reaches the victim
 * in the words written for it, like a quick reply, but only while it says exactly those words.
 */
import { describe, expect, it } from "vitest";
import { DASH } from "../../worker/assessment/dash";
import { DASH_QUESTION_TRANSLATIONS } from "../../worker/assessment/dash-translations";
import { reviewedTranslation } from "../../worker/quick-replies/reviewed";
import { askedQuestionReply } from "../../worker/shared/asked-question";

const questions = DASH.groups.flatMap((g) => g.questions);

describe("reviewed translations", () => {
  it("has every DASH question in each language it translates them into, and no others", () => {
    const ids = questions.map((q) => q.id).sort();
    for (const [tag, translated] of Object.entries(DASH_QUESTION_TRANSLATIONS)) {
      expect([tag, Object.keys(translated ?? {}).sort()]).toEqual([tag, ids]);
      for (const id of ids) expect([tag, id, (translated?.[id] ?? "").trim().length > 0]).toEqual([tag, id, true]);
    }
    expect(Object.keys(DASH_QUESTION_TRANSLATIONS)).toContain("pl");
  });

  it("gives a DASH question asked in the chat its reviewed words in the victim's language", () => {
    const frightened = questions.find((q) => q.id === "frightened")!;
    expect(reviewedTranslation(askedQuestionReply("frightened"), frightened.text, "pl")).toBe("Czy bardzo się boisz?");
    expect(reviewedTranslation(askedQuestionReply("no-such-question"), frightened.text, "pl")).toBeNull();
  });

  it("gives a quick reply its reviewed words, by base language too", () => {
    expect(reviewedTranslation("safety-safe-to-talk", "Are you safe to talk right now?", "pl")).toBe("Czy możesz teraz bezpiecznie rozmawiać?");
    expect(reviewedTranslation("safety-safe-to-talk", "Are you safe to talk right now?", "zh")).toBe("现在交谈对您来说安全吗？");
  });

  it("gives none to words the officer edited, so the victim never reads words the officer did not write", () => {
    expect(reviewedTranslation("safety-safe-to-talk", "Are you safe to talk right now? Answer yes or no.", "pl")).toBeNull();
    expect(reviewedTranslation(askedQuestionReply("frightened"), "Are you very frightened of him?", "pl")).toBeNull();
  });
});
