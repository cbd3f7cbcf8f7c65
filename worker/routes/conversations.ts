/**
 * Starting a chat (anyone, anonymously) and exchanging the victim's token for a WebSocket
 * ticket. The token never goes into a URL: URLs end up in logs; a ticket is single-use and
 * lives for a minute.
 */
import { Hono } from "hono";
import { recordStarted } from "../db/conversations";
import { apiError } from "../http/errors";
import { randomId, randomSecret, sha256Hex } from "../auth/secrets";
import { OpaqueId, type StartedConversation } from "../shared/protocol";
import { getConversation, getDispatcher } from "../rooms/stubs";

export const conversationRoutes = new Hono<{ Bindings: Env }>();

conversationRoutes.post("/", async (c) => {
  const conversationId = randomId();
  const token = randomSecret();
  const createdAt = Date.now();
  await recordStarted(c.env.DB, conversationId, createdAt);
  await (await getConversation(c.env, conversationId)).open(await sha256Hex(token), createdAt);
  await (await getDispatcher(c.env)).enqueue(conversationId, createdAt);
  const body: StartedConversation = { conversationId, token };
  return c.json(body, 201);
});

conversationRoutes.post("/:id/tickets", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const token = /^Bearer (\S+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
  if (!id.success || !token) {
    return apiError(c, 401, "not-allowed", "This chat could not be found. Start a new chat.");
  }
  const ticket = await (await getConversation(c.env, id.data)).issueTicket(await sha256Hex(token));
  if (!ticket) return apiError(c, 401, "not-allowed", "This chat could not be found. Start a new chat.");
  return c.json({ ticket });
});
