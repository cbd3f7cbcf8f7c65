import type { z } from "zod/mini";
import { LIMITS } from "./common";

// ── Parsing frames where they enter ──────────────────────────────────────────

export type FrameResult<T> =
  | { ok: true; frame: T }
  | { ok: false; code: "bad-frame" | "too-large"; message: string };

/**
 * Parses a raw WebSocket message against a schema. Never throws: a bad frame becomes a
 * plain sentence the client can show, and the caller keeps the connection open.
 */
export function parseFrame<T>(schema: z.ZodMiniType<T>, raw: unknown): FrameResult<T> {
  if (typeof raw !== "string") {
    return { ok: false, code: "bad-frame", message: "Frames must be JSON text." };
  }
  // A UTF-16 unit is one to three bytes of UTF-8: the bytes are counted only when the length in
  // units cannot settle it (a typical frame, well under a third of the limit, is not encoded).
  const surelyFits = raw.length * 3 <= LIMITS.frameBytes;
  if (raw.length > LIMITS.frameBytes || (!surelyFits && new TextEncoder().encode(raw).length > LIMITS.frameBytes)) {
    return { ok: false, code: "too-large", message: "That message is too large to send." };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: "bad-frame", message: "That frame is not valid JSON." };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    return { ok: false, code: "bad-frame", message: first?.message ?? "That frame is not valid." };
  }
  return { ok: true, frame: result.data };
}

/**
 * Parses a frame from the server, on the client. No size limit (a welcome carries the history);
 * anything that is not a valid frame is dropped, as a client cannot answer the server back.
 */
export function parseServerFrame<T>(schema: z.ZodMiniType<T>, raw: unknown): T | null {
  let data: unknown;
  try {
    data = JSON.parse(String(raw));
  } catch {
    return null;
  }
  const result = schema.safeParse(data);
  return result.success ? result.data : null;
}
