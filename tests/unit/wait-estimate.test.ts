import { describe, expect, it } from "vitest";
import { estimateWait } from "../../worker/rooms/dispatcher/wait-estimate";

const minutes = (n: number) => n * 60_000;

describe("the wait a victim is told", () => {
  it("is unknown when nobody is on duty, whatever happened earlier", () => {
    expect(estimateWait(1, { officersOnDuty: 0, freeSlots: 0, recentAccepts: [1, 2, 3] })).toBeNull();
  });

  it("is about a minute when an officer has room for this chat now", () => {
    expect(estimateWait(2, { officersOnDuty: 1, freeSlots: 2, recentAccepts: [] })).toBe(minutes(1));
  });

  it("grows with the place in the queue, at the pace chats were accepted in the last hour", () => {
    const sixAnHour = { officersOnDuty: 2, freeSlots: 0, recentAccepts: [1, 2, 3, 4, 5, 6] };
    expect(estimateWait(1, sixAnHour)).toBe(minutes(10));
    expect(estimateWait(3, sixAnHour)).toBe(minutes(30));
    expect(estimateWait(3, { ...sixAnHour, freeSlots: 1 })).toBe(minutes(20));
  });

  it("is unknown rather than guessed when nothing has been accepted lately", () => {
    expect(estimateWait(1, { officersOnDuty: 2, freeSlots: 0, recentAccepts: [] })).toBeNull();
  });

  it("never promises more than four hours", () => {
    expect(estimateWait(500, { officersOnDuty: 1, freeSlots: 0, recentAccepts: [1] })).toBe(minutes(240));
  });
});
