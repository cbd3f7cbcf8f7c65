/**
 * The victim's side of HTTP: starting a chat (anonymously, or with a resume code), trading the
 * token for a WebSocket ticket, and quick exit's beacon. The token never goes into a URL: URLs
 * end up in logs; a ticket is single-use and lives for a minute.
 */
import { Hono, type Context } from "hono";
import { recordStarted } from "../db/conversations";
import { endedForToken } from "../records/ended-chat-token";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { redeemResumeCode } from "../auth/resume-codes";
import { randomId, randomSecret, sha256Hex } from "../auth/secrets";
import { OpaqueId, StartConversationRequest, type StartedConversation } from "../shared/protocol";
import { getConversation, getDispatcher } from "../rooms/stubs";
import { gate } from "../abuse/gate";
import { sourceOf } from "../abuse/source";

export const conversationRoutes = new Hono<{ Bindings: Env }>();

const NOT_FOUND = "This chat could not be found. Start a new chat.";
const CODE_DOES_NOT_MATCH = "That code and PIN do not match.";

conversationRoutes.post("/", async (c) => {
  const body = await readBody(c, StartConversationRequest, { optional: true });
  if (!body.ok) return body.response;
  const admitted = await gate(c, {
    limits: body.data.resume ? ["startChat", "resumeCode"] : ["startChat"],
    refuseBlocked: true,
    humanCheck: { action: "start-chat", token: body.data.humanCheck },
  });
  if (admitted.refused) return admitted.refused;
  const conversationId = randomId();
  let threadId = conversationId;
  if (body.data.resume) {
    const redeemed = await redeemResumeCode(c.env.DB, body.data.resume, admitted.source);
    // One answer for every refusal (unknown, expired, used or locked code, wrong PIN), so it
    // tells a stranger nothing about whether the code exists.
    if (!redeemed) return apiError(c, 401, "bad-code", CODE_DOES_NOT_MATCH);
    threadId = redeemed.threadId;
  }
  const token = randomSecret();
  const createdAt = Date.now();
  const language = body.data.language ?? null;
  const returning = body.data.resume !== undefined;
  const tokenHash = await sha256Hex(token);
  await recordStarted(c.env.DB, { id: conversationId, createdAt, language, threadId, returning, tokenHash });
  await (await getConversation(c.env, conversationId)).open(tokenHash, createdAt, { language, returning }, admitted.source);
  await (await getDispatcher(c.env)).enqueue(conversationId, createdAt, language);
  const started: StartedConversation = { conversationId, token };
  return c.json(started, 201);
});

/** The token from `Authorization: Bearer …`, with the conversation id from the path. */
export function victimCredentials(c: Context) {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const token = /^Bearer (\S+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
  return id.success && token ? { conversationId: id.data, token } : null;
}

conversationRoutes.post("/:id/tickets", async (c) => {
  const credentials = victimCredentials(c);
  if (!credentials) return apiError(c, 401, "not-allowed", NOT_FOUND);
  const conversation = await getConversation(c.env, credentials.conversationId);
  const tokenHash = await sha256Hex(credentials.token);
  const ticket = await conversation.issueTicket(tokenHash, await sourceOf(c.req.raw, c.env));
  if (ticket === "too-many") {
    c.header("Retry-After", "60");
    return apiError(c, 429, "too-many", "This chat has reconnected many times in the last minute. It will try again shortly.");
  }
  if (ticket) return c.json({ ticket });
  // Sealed and erased while this victim was away: say it ended, not that it never existed.
  if (await endedForToken(c.env.DB, credentials.conversationId, tokenHash)) {
    return apiError(c, 410, "conversation-ended", "This chat has ended.");
  }
  return apiError(c, 401, "not-allowed", NOT_FOUND);
});

/**
 * The victim's page leaving by beacon: Quick exit, or Leave quietly while offline (`?quietly`).
 * `navigator.sendBeacon` cannot set headers, so the token comes in the body; the answer is
 * never read (the page has gone), so it says nothing either way.
 */
conversationRoutes.post("/:id/quick-exit", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const token = OpaqueId.safeParse((await c.req.text()).trim());
  if (id.success && token.success) {
    const reason = c.req.query("quietly") === undefined ? "quick-exit" : "left-quietly";
    await (await getConversation(c.env, id.data)).leftByBeacon(await sha256Hex(token.data), reason);
  }
  return c.body(null, 204);
});
