/**
 * How the Worker and each Durable Object reach the others. The stubs' types come from the
 * bindings in Env (worker-configuration.d.ts), not from importing the classes, so the
 * Conversation and the Dispatcher can call each other without their files importing each other.
 */
import { getServerByName } from "partyserver";
import { durableObjectLocation } from "../data-location";
import { QUEUE_ROOM } from "../shared/protocol/dispatcher";

export function getDispatcher(env: Env) {
  return getServerByName(env.Dispatcher, QUEUE_ROOM, durableObjectLocation(env));
}

export function getConversation(env: Env, conversationId: string) {
  return getServerByName(env.Conversation, conversationId, durableObjectLocation(env));
}
