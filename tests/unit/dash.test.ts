import { describe, expect, it } from "vitest";
import { DASH } from "../../worker/assessment/dash";
import { grade, judgementAllowed } from "../../worker/assessment/grading";
import type { AssessmentAnswer } from "../../worker/shared/protocol";

const questionIds = DASH.groups.flatMap((g) => g.questions.map((q) => q.id));
const withYes = (count: number) => ({
  answers: Object.fromEntries(questionIds.map((id, i) => [id, (i < count ? "yes" : "no") as AssessmentAnswer])),
  judgement: null,
  incidentsInYear: null,
});

describe("the DASH checklist", () => {
  it("has the 27 questions, grouped, including stalking and harassment and honour-based violence", () => {
    expect(questionIds).toHaveLength(27);
    expect(new Set(questionIds).size).toBe(27);
    expect(DASH.groups.map((g) => g.title)).toEqual(expect.arrayContaining(["Stalking and harassment", "Honour-based violence"]));
  });

  it.each([
    [0, "standard", false],
    [9, "standard", false],
    [10, "medium", false],
    [13, "medium", false],
    [14, "high", true],
    [27, "high", true],
  ])("grades %i yes answers as %s (MARAC referral: %s)", (count, expected, marac) => {
    const result = grade(DASH, withYes(count));
    expect(result).toMatchObject({ yesCount: count, grade: expected, maracReferral: marac });
  });

  it("counts 'not known' as not yes", () => {
    const state = withYes(13);
    state.answers[questionIds[20]!] = "not-known";
    expect(grade(DASH, state).yesCount).toBe(13);
  });

  it("lets professional judgement raise the grading, with its reason, but never lower it", () => {
    const medium = withYes(11);
    const raised = grade(DASH, { ...medium, judgement: { grade: "high", reason: "Threats to kill since separation" } });
    expect(raised).toMatchObject({ byCount: "medium", grade: "high", raisedByJudgement: true, maracReferral: true });
    expect(judgementAllowed(DASH, medium, "high")).toBe(true);
    expect(judgementAllowed(DASH, medium, "medium")).toBe(true);
    expect(judgementAllowed(DASH, medium, "standard")).toBe(false);
    // Even if a lower judgement were recorded, the grading would not drop below the count's.
    expect(grade(DASH, { ...withYes(15), judgement: { grade: "standard", reason: "x" } }).grade).toBe("high");
  });

  it("records potential escalation (three or more incidents in twelve months) as its own MARAC criterion", () => {
    expect(grade(DASH, { ...withYes(2), incidentsInYear: 2 })).toMatchObject({ potentialEscalation: false, maracReferral: false });
    expect(grade(DASH, { ...withYes(2), incidentsInYear: 3 })).toMatchObject({
      grade: "standard",
      potentialEscalation: true,
      maracReferral: true,
    });
  });
});
