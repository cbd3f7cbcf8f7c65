import { describe, expect, it } from "vitest";
import { DEFAULT_TIMINGS, conversationTimings } from "../../worker/config";

describe("conversation timings", () => {
  it("reads seconds from the deployment's vars", () => {
    expect(conversationTimings({ INACTIVITY_PROMPT_SECONDS: "120", PRESENCE_GRACE_SECONDS: "5" })).toMatchObject({
      inactivityPromptMs: 120_000,
      presenceGraceMs: 5_000,
      inactivityCloseMs: DEFAULT_TIMINGS.inactivityCloseMs,
    });
  });

  it("falls back to the default for a missing, zero, negative or mistyped value", () => {
    for (const bad of [undefined, "0", "-5", "ten", ""]) {
      expect(conversationTimings({ INACTIVITY_CLOSE_SECONDS: bad }).inactivityCloseMs).toBe(
        DEFAULT_TIMINGS.inactivityCloseMs,
      );
    }
  });
});
