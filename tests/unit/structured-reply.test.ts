import { describe, expect, it } from "vitest";
import { AssistError, askForJson } from "../../worker/assist/model/structured-reply";

const quick = { timeoutMs: 50, attempts: 2, backoffMs: 1 };
const asAnswer = (value: unknown) => (typeof value === "object" && value !== null && "ok" in value ? (value as { ok: boolean }) : null);
const request = { system: "s", user: "u", schema: { type: "object" } };

describe("a structured reply from Workers AI", () => {
  it("gives up on a model that does not answer in time, after trying again, and says so", async () => {
    let calls = 0;
    const runner = { run: () => (calls++, new Promise<never>(() => undefined)) };
    const error = await askForJson(runner, "@cf/model", request, asAnswer, quick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssistError);
    expect(error).toMatchObject({ code: "timeout", message: "The model took too long to answer." });
    expect(calls).toBe(2);
  });

  it("waits out a rate limit and takes the next answer", async () => {
    let calls = 0;
    const runner = {
      run: async () => {
        if (calls++ === 0) throw new Error("AiError: 3040: Capacity temporarily exceeded");
        return { response: { ok: true } };
      },
    };
    expect(await askForJson(runner, "@cf/model", request, asAnswer, quick)).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("does not retry a model that failed outright", async () => {
    let calls = 0;
    const runner = { run: async () => { calls++; throw new Error("AiError: 5007: No such model"); } };
    await expect(askForJson(runner, "@cf/model", request, asAnswer, quick)).rejects.toMatchObject({ code: "failed" });
    expect(calls).toBe(1);
  });

  it("refuses an answer that never fits the shape asked for", async () => {
    const runner = { run: async () => ({ response: "I think the answer is yes" }) };
    await expect(askForJson(runner, "@cf/model", request, asAnswer, quick)).rejects.toMatchObject({ code: "invalid-reply" });
  });
});
