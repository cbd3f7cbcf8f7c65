import { getServerByName } from "partyserver";
import { durableObjectLocation } from "../data-location";
import type { Conversation } from "./conversation";
import type { Dispatcher } from "./dispatcher";

/** The service has one queue; its Dispatcher is always this instance. */
export const DISPATCHER_NAME = "service";

export function getDispatcher(env: Env) {
  return getServerByName<Env, Dispatcher>(env.Dispatcher, DISPATCHER_NAME, durableObjectLocation(env));
}

export function getConversation(env: Env, conversationId: string) {
  return getServerByName<Env, Conversation>(env.Conversation, conversationId, durableObjectLocation(env));
}
