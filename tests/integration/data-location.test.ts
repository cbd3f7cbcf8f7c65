/**
 * Data location: with DATA_JURISDICTION set, every way the Worker reaches a Durable Object (a
 * chat, the queue, a socket) goes through that jurisdiction's namespace; without it, nothing
 * changes. workerd implements no jurisdictions (`jurisdiction()` throws "not implemented in
 * workerd"), so these tests give the Worker namespaces that record what they are asked and
 * otherwise act as the real ones.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { durableObjectLocation } from "../../worker/data-location";
import worker from "../../worker/index";
import { getConversation, getDispatcher } from "../../worker/rooms/stubs";
import type { StartedConversation } from "../../worker/shared/protocol";

type Namespace = Env["Conversation"] | Env["Dispatcher"];

/** The real namespace, recording each jurisdiction asked of it (and staying itself: see above). */
function recording<N extends Namespace>(namespace: N): { namespace: N; asked: string[] } {
  const asked: string[] = [];
  const recorder = {
    idFromName: (name: string) => namespace.idFromName(name),
    idFromString: (id: string) => namespace.idFromString(id),
    newUniqueId: (options?: DurableObjectNamespaceNewUniqueIdOptions) => namespace.newUniqueId(options),
    get: (id: DurableObjectId, options?: DurableObjectNamespaceGetDurableObjectOptions) => namespace.get(id, options),
    getByName: (name: string, options?: DurableObjectNamespaceGetDurableObjectOptions) => namespace.getByName(name, options),
    jurisdiction: (jurisdiction: DurableObjectJurisdiction) => {
      asked.push(jurisdiction);
      return recorder;
    },
  };
  return { namespace: recorder as unknown as N, asked };
}

/** The test environment with the given jurisdiction and recording namespaces. */
function environmentWith(jurisdiction: string | undefined) {
  const conversation = recording(env.Conversation);
  const dispatcher = recording(env.Dispatcher);
  const changed: Env = { ...env, Conversation: conversation.namespace, Dispatcher: dispatcher.namespace };
  if (jurisdiction === undefined) delete (changed as { DATA_JURISDICTION?: string }).DATA_JURISDICTION;
  else Object.assign(changed, { DATA_JURISDICTION: jurisdiction });
  return { env: changed, conversationAsked: conversation.asked, dispatcherAsked: dispatcher.asked };
}

async function send(path: string, init: RequestInit<IncomingRequestCfProperties>, to: Env): Promise<Response> {
  const request = new Request<unknown, IncomingRequestCfProperties>(`${victimsOrigin()}${path}`, init);
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, to, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const victimsOrigin = () => `https://${env.PUBLIC_HOSTNAME}`;

describe("where the Durable Objects keep their data", () => {
  it("reaches a chat and the queue through the EU namespace when DATA_JURISDICTION is eu", async () => {
    const eu = environmentWith("eu");
    await getConversation(eu.env, `eu-chat-${crypto.randomUUID()}`);
    await getDispatcher(eu.env);
    expect(eu.conversationAsked).toEqual(["eu"]);
    expect(eu.dispatcherAsked).toEqual(["eu"]);
  });

  it("changes nothing when DATA_JURISDICTION is empty or not set", async () => {
    for (const jurisdiction of ["", undefined]) {
      const none = environmentWith(jurisdiction);
      const name = `no-jurisdiction-${crypto.randomUUID()}`;
      const stub = await getConversation(none.env, name);
      await getDispatcher(none.env);
      expect(none.conversationAsked).toEqual([]);
      expect(none.dispatcherAsked).toEqual([]);
      // The very object the rest of the service and the tests reach by name.
      expect(stub.id.equals(env.Conversation.idFromName(name))).toBe(true);
    }
  });

  it("starts a victim's chat and opens its socket in the EU when DATA_JURISDICTION is eu", async () => {
    const eu = environmentWith("eu");
    const started = await send("/api/conversations", { method: "POST", headers: { Origin: victimsOrigin() } }, eu.env);
    expect(started.status).toBe(201);
    const { conversationId } = await started.json<StartedConversation>();
    expect(eu.conversationAsked.length).toBeGreaterThan(0);
    expect(new Set(eu.conversationAsked)).toEqual(new Set(["eu"]));
    expect(new Set(eu.dispatcherAsked)).toEqual(new Set(["eu"]));

    // A socket without a ticket is refused by the chat's object, but only after reaching it.
    eu.conversationAsked.length = 0;
    const socket = await send(`/parties/conversation/${conversationId}`, { headers: { Upgrade: "websocket", Origin: victimsOrigin() } }, eu.env);
    expect(socket.status).not.toBe(101);
    expect(eu.conversationAsked).toEqual(["eu"]);
  });

  it("refuses a jurisdiction it does not know rather than keep data somewhere else", () => {
    expect(() => durableObjectLocation({ DATA_JURISDICTION: "uk" })).toThrow(/DATA_JURISDICTION must be one of eu or empty/);
    expect(durableObjectLocation({ DATA_JURISDICTION: " EU " })).toEqual({ jurisdiction: "eu" });
  });
});
