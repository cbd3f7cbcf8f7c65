/** Quick replies for the console: the built-in library, plus phrases officers and admins add. */
import { asc } from "drizzle-orm";
import { Hono } from "hono";
import { database } from "../db/client";
import { customQuickReplies } from "../db/schema";
import { randomId } from "../auth/secrets";
import { readBody } from "../http/body";
import { allow, type OfficerEnv } from "../http/require-officer";
import { QUICK_REPLY_LIBRARY } from "../quick-replies/library";
import { NewQuickReply, type QuickReplyItem } from "../shared/protocol";

export const quickReplyRoutes = new Hono<OfficerEnv>();

quickReplyRoutes.use("*", allow("use-console"));

quickReplyRoutes.get("/", async (c) => {
  const added = await database(c.env.DB).select().from(customQuickReplies).orderBy(asc(customQuickReplies.createdAt));
  const quickReplies: QuickReplyItem[] = [
    ...QUICK_REPLY_LIBRARY.map((p) => ({ id: p.id, category: p.category, text: p.text.en, hasTranslations: true })),
    ...added.map((p) => ({ id: p.id, category: p.category, text: p.text, hasTranslations: false })),
  ];
  return c.json({ quickReplies });
});

quickReplyRoutes.post("/", async (c) => {
  const body = await readBody(c, NewQuickReply);
  if (!body.ok) return body.response;
  const phrase = {
    id: `added-${randomId().toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 16)}`,
    category: body.data.category,
    text: body.data.text,
    createdBy: c.var.officer.id,
    createdAt: Date.now(),
  };
  await database(c.env.DB).insert(customQuickReplies).values(phrase);
  const item: QuickReplyItem = { id: phrase.id, category: phrase.category, text: phrase.text, hasTranslations: false };
  return c.json(item, 201);
});
