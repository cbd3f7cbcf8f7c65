import { describe, expect, it } from "vitest";
import { ConversationClientFrame, LIMITS, parseFrame } from "../../worker/shared/protocol";

describe("parsing frames where they enter", () => {
  it("accepts a well-formed message", () => {
    const result = parseFrame(ConversationClientFrame, JSON.stringify({ type: "send", id: "abc-123-xyz", text: "hello" }));
    expect(result).toEqual({ ok: true, frame: { type: "send", id: "abc-123-xyz", text: "hello" } });
  });

  it("keeps right-to-left and other scripts exactly as written", () => {
    const text = "أحتاج إلى مساعدة — मुझे मदद चाहिए";
    const result = parseFrame(ConversationClientFrame, JSON.stringify({ type: "send", id: "rtl-message-1", text }));
    expect(result.ok && result.frame.type === "send" && result.frame.text).toBe(text);
  });

  it.each([
    ["binary data", new ArrayBuffer(4), "bad-frame", /JSON text/],
    ["a message id with odd characters", JSON.stringify({ type: "send", id: "<script>alert(1)</script>", text: "x" }), "bad-frame", /message id/],
    ["a missing text", JSON.stringify({ type: "send", id: "abc-123-xyz" }), "bad-frame", /.+/],
    ["a text one character too long", JSON.stringify({ type: "send", id: "abc-123-xyz", text: "x".repeat(LIMITS.messageText + 1) }), "bad-frame", /at most 4000/],
    ["multi-byte text over the frame size", JSON.stringify({ type: "send", id: "abc-123-xyz", text: "😀".repeat(LIMITS.frameBytes / 3) }), "too-large", /too large/],
  ])("refuses %s with a plain sentence", (_, raw, code, message) => {
    const result = parseFrame(ConversationClientFrame, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(message);
    }
  });
});
