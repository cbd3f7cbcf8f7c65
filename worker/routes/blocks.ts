/**
 * Blocks made by "End as abusive", for supervisors and admins: which are in force, and lifting
 * one early (a refuge's shared connection blocked by mistake, say). Lifting is audited with the
 * reason given, like every other act on a record.
 */
import { Hono } from "hono";
import { activeBlocks, liftBlock } from "../abuse/blocks";
import { readBody } from "../http/body";
import { apiError } from "../http/errors";
import { allow, type OfficerEnv } from "../http/require-officer";
import { audit } from "../records/audit";
import { LiftBlockRequest, OpaqueId } from "../shared/protocol";

export const blockRoutes = new Hono<OfficerEnv>();

blockRoutes.use("*", allow("manage-blocks", "Only supervisors and admins see and lift blocks."));

blockRoutes.get("/", async (c) => c.json({ blocks: await activeBlocks(c.env.DB) }));

blockRoutes.post("/:conversationId/lift", async (c) => {
  const id = OpaqueId.safeParse(c.req.param("conversationId"));
  if (!id.success) return apiError(c, 404, "not-found", "There is no such block in force.");
  const body = await readBody(c, LiftBlockRequest);
  if (!body.ok) return body.response;
  const lifted = await liftBlock(c.env.DB, id.data);
  if (lifted === 0) return apiError(c, 404, "not-found", "There is no such block in force.");
  const officer = c.var.officer;
  await audit(c.env.DB, { id: officer.id, role: officer.role }, "unblock", {
    conversationId: id.data,
    justification: body.data.reason,
    detail: { sources: lifted },
  });
  return c.body(null, 204);
});
