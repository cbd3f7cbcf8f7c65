/**
 * A chat's timed jobs, from the test's side: when each is due, its alarm run at a chosen time
 * (the clock moved there first, tests/integration/clock.ts), and that nothing reaches a socket
 * meanwhile.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { Conversation } from "../../worker/rooms/conversation/conversation";
import type { ConversationJob } from "../../worker/rooms/conversation/jobs";
import type { StartedConversation } from "../../worker/shared/protocol";
import { setClock } from "./clock";
import type { ConversationSocket } from "./harness";

const stub = (started: StartedConversation) => env.Conversation.getByName(started.conversationId);

/** When the chat's job is due, as it set it. */
export function dueAt(started: StartedConversation, job: ConversationJob): Promise<number | null> {
  return runInDurableObject(stub(started), (instance: Conversation) => instance.scheduler.dueAt(job));
}

/** Moves the clock to `at` and runs the chat's alarm there, as the platform would at that time. */
export async function alarmAt(started: StartedConversation, at: number): Promise<void> {
  setClock(at);
  await runDurableObjectAlarm(stub(started));
}

/** Nothing of `type` reaches `socket` for a moment. */
export async function nothing(socket: ConversationSocket, type: string): Promise<void> {
  await expect(socket.next(type as never, () => true, 100)).rejects.toThrow();
}
