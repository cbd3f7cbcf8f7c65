import type { Context } from "hono";
import type { z } from "zod/mini";
import { apiError } from "./errors";

const MAX_BODY_BYTES = 16 * 1024;

/** Parses a JSON body against a schema; on failure, the 400 answer to return instead. */
export async function readBody<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
  options: { optional?: boolean } = {},
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  let text = await c.req.text();
  // An optional body may be left out altogether: it then means "{}".
  if (options.optional && text.trim() === "") text = "{}";
  if (text.length > MAX_BODY_BYTES) {
    return { ok: false, response: apiError(c, 413, "too-large", "That request is too large.") };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(c, 400, "bad-request", "The request body must be JSON.") };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? "The request is not valid.";
    return { ok: false, response: apiError(c, 400, "bad-request", message) };
  }
  return { ok: true, data: result.data };
}
