import { describe, expect, it } from "vitest";
import { DEFAULT_TIMINGS, conversationTimings, serviceTimeZone } from "../../worker/config";
import { serviceTime } from "../../worker/shared/service-time";

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

describe("the service's time zone", () => {
  it("is Europe/London unless SERVICE_TIME_ZONE names a zone the runtime knows", () => {
    expect(serviceTimeZone({})).toBe("Europe/London");
    expect(serviceTimeZone({ SERVICE_TIME_ZONE: "Europe/Dublin" })).toBe("Europe/Dublin");
    for (const bad of ["", "  ", "Europe/Londn", "GMT+25"]) expect(serviceTimeZone({ SERVICE_TIME_ZONE: bad })).toBe("Europe/London");
  });

  it("writes a time in the zone with its offset, summer and winter", () => {
    expect(serviceTime("2026-07-01T13:05:09Z", "Europe/London")).toBe("1 Jul 2026 14:05 GMT+1");
    expect(serviceTime("2026-12-01T13:05:09Z", "Europe/London", { seconds: true })).toBe("1 Dec 2026 13:05:09 GMT+0");
    expect(serviceTime(Date.parse("2026-12-01T13:05:09Z"), "Asia/Kolkata")).toBe("1 Dec 2026 18:35 GMT+5:30");
  });
});
