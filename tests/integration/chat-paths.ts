/**
 * One chat reached by every path an officer can take to it: raising its priority while it
 * waits, accepting it, and having it transferred to them. Used by the access table and the
 * participation tests, which ask who may read it afterwards.
 */
import { env } from "cloudflare:workers";
import { connectQueue, connectVictim, signedInOfficer, startConversation, type ConversationSocket } from "./harness";

/** An officer with the console open and Available, as the queue sees them. */
export async function onDutyOfficer() {
  const officer = await signedInOfficer();
  const queue = await connectQueue(officer.cookie);
  await queue.next("me");
  return { ...officer, queue };
}

/** Polls until `check` holds, failing with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A live chat: `raiser` raised its priority while it waited (and that is in D1's queue events,
 * where the old participation check looked), `acceptor` accepted it and transferred it to
 * `assigned`, who has it now. Every console stays open, so nothing is handed back meanwhile.
 */
export async function chatReachedEveryWay() {
  const started = await startConversation();
  const id = started.conversationId;
  const victim = await connectVictim(started);
  await victim.next("welcome");

  const raiser = await onDutyOfficer();
  await raiser.queue.next("queue", (f) => f.waiting.some((w) => w.conversationId === id));
  raiser.queue.send({ type: "raise-priority", conversationId: id, reason: "Victim mentioned a weapon" });
  await eventually(async () => {
    const row = await env.DB.prepare("SELECT 1 AS found FROM queue_events WHERE conversation_id = ? AND kind = 'priority-raised' AND officer_id = ?")
      .bind(id, raiser.id)
      .first<{ found: number }>();
    return row !== null;
  }, "the priority raise is in D1's queue events");

  const acceptor = await onDutyOfficer();
  acceptor.queue.send({ type: "accept", conversationId: id });
  await acceptor.queue.next("assigned", (f) => f.conversationId === id);
  const assigned = await onDutyOfficer();
  acceptor.queue.send({ type: "transfer", conversationId: id, to: assigned.id, note: "Handing over for my break" });
  await assigned.queue.next("assigned", (f) => f.conversationId === id);

  return { started, victim, raiser, acceptor, assigned };
}

/** Ends the chat as its victim does, and waits until it is sealed and closed. */
export async function endedByVictim(victim: ConversationSocket) {
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
}
