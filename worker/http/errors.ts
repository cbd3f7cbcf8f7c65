import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error a client sees: a code for programs and a sentence for people. Never a stack. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** The same answer outside Hono (WebSocket refusals in the Worker and the Durable Objects). */
export function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** A staff socket opened without a working sign-in: the one answer, wherever it is noticed. */
export function signedOut(message: string): Response {
  return errorResponse(401, "signed-out", message);
}
