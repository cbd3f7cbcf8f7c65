/**
 * A small server answering like Turnstile's Siteverify for Cloudflare's published test secrets
 * (https://developers.cloudflare.com/turnstile/troubleshooting/testing/): a POST of `secret`
 * and `response` (form or JSON) answered with `{ success, "error-codes", ... }`.
 *
 *   1x0000000000000000000000000000000AA  always passes
 *   2x0000000000000000000000000000000AA  always fails (invalid-input-response)
 *   3x0000000000000000000000000000000AA  always "token already spent" (timeout-or-duplicate)
 *
 * Any other secret is refused as invalid-input-secret, as the real service would refuse it.
 * Only tests start it; the Worker reaches it only while using a test secret (abuse/turnstile.ts).
 */
import { createServer, type Server } from "node:http";

export const PASSING_SECRET = "1x0000000000000000000000000000000AA";
export const FAILING_SECRET = "2x0000000000000000000000000000000AA";
export const SPENT_SECRET = "3x0000000000000000000000000000000AA";
/** The token Turnstile's test site keys give the page. */
export const DUMMY_TOKEN = "XXXX.DUMMY.TOKEN.XXXX";

export interface SiteverifyRequest {
  secret: string | null;
  response: string | null;
  remoteip: string | null;
  idempotencyKey: string | null;
}

export interface FakeSiteverify {
  url: string;
  requests: SiteverifyRequest[];
  close(): Promise<void>;
}

function verdict(secret: string | null, token: string | null) {
  const failure = (code: string) => ({ success: false, "error-codes": [code], messages: [] });
  if (!secret) return failure("missing-input-secret");
  if (!token) return failure("missing-input-response");
  if (secret === PASSING_SECRET) {
    return { success: true, "error-codes": [], challenge_ts: new Date().toISOString(), hostname: "example.com", messages: [] };
  }
  if (secret === FAILING_SECRET) return failure("invalid-input-response");
  if (secret === SPENT_SECRET) return failure("timeout-or-duplicate");
  return failure("invalid-input-secret");
}

export async function startFakeSiteverify(): Promise<FakeSiteverify> {
  const requests: SiteverifyRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(json));
      };
      if (request.method !== "POST" || request.url !== "/turnstile/v0/siteverify") return reply(404, { error: "not found" });
      const type = request.headers["content-type"] ?? "";
      const body = Buffer.concat(chunks);
      let fields: Record<string, string | null>;
      try {
        if (type.startsWith("application/json")) {
          fields = JSON.parse(body.toString("utf8")) as Record<string, string>;
        } else {
          const form = await new Response(body, { headers: { "Content-Type": type } }).formData();
          fields = {};
          form.forEach((value, name) => (fields[name] = String(value)));
        }
      } catch {
        return reply(400, { success: false, "error-codes": ["bad-request"] });
      }
      const received: SiteverifyRequest = {
        secret: fields.secret ?? null,
        response: fields.response ?? null,
        remoteip: fields.remoteip ?? null,
        idempotencyKey: fields.idempotency_key ?? null,
      };
      requests.push(received);
      reply(200, verdict(received.secret, received.response));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/turnstile/v0/siteverify`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
