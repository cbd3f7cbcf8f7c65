import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { restoreClock, runNextAlarm } from "./clock";
import { connectQueue, connectVictim, signedInOfficer, startConversation } from "./harness";

afterEach(restoreClock);

// One file, in order: it starts with nobody on duty.
describe("the victim's waiting room", () => {
  it("tells the victim honestly when no officer is on duty, without a made-up wait", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    const welcome = await victim.next("welcome");
    expect(welcome.status).toBe("waiting");
    expect(welcome.queue).toEqual({ position: 1, estimatedWaitMs: null, officersOnDuty: 0, freeNow: false });
    victim.send({ type: "end" });
    await victim.next("ended");
  });

  it("shows each victim their place and an estimate, and moves them up live as chats are accepted", async () => {
    const first = await startConversation();
    const second = await startConversation();
    const firstVictim = await connectVictim(first);
    const secondVictim = await connectVictim(second);
    expect((await secondVictim.next("welcome")).queue?.position).toBe(2);

    const officer = await signedInOfficer();
    const queue = await connectQueue(officer.cookie);
    // An officer with room to take a chat is now on duty: an estimate of about a minute.
    const onDuty = await firstVictim.next("queue", (f) => f.queue.officersOnDuty === 1);
    expect(onDuty.queue).toEqual({ position: 1, estimatedWaitMs: 60_000, officersOnDuty: 1, freeNow: true });

    queue.send({ type: "accept" });
    await queue.next("assigned", (f) => f.conversationId === first.conversationId);
    await firstVictim.next("status", (f) => f.status === "active");
    const moved = await secondVictim.next("queue", (f) => f.queue.position === 1);
    expect(moved.queue.officersOnDuty).toBe(1);

    // Busy: still on duty, but nobody free; the estimate now comes from the pace of accepts.
    queue.send({ type: "set-status", status: "busy" });
    const busy = await secondVictim.next("queue", (f) => !f.queue.freeNow);
    expect(busy.queue).toEqual({ position: 1, estimatedWaitMs: 60 * 60_000, officersOnDuty: 1, freeNow: false });

    queue.send({ type: "set-status", status: "away" });
    const away = await secondVictim.next("queue", (f) => f.queue.officersOnDuty === 0);
    expect(away.queue).toEqual({ position: 1, estimatedWaitMs: null, officersOnDuty: 0, freeNow: false });
  });

  it("gives up the place of a victim who has gone, after a while, and records the abandoned wait", async () => {
    const started = await startConversation();
    const victim = await connectVictim(started);
    await victim.next("welcome");
    victim.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stub = env.Conversation.getByName(started.conversationId);
    // The victim's presence grace, then the abandonment, each at its time.
    for (let alarm = 0; alarm < 4 && (await runNextAlarm(stub)); alarm++);

    const row = await env.DB.prepare("SELECT status, end_reason FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first();
    expect(row).toEqual({ status: "ended", end_reason: "abandoned" });
    const event = await env.DB.prepare("SELECT detail FROM queue_events WHERE conversation_id = ? AND kind = 'abandoned'")
      .bind(started.conversationId)
      .first<{ detail: string }>();
    expect(JSON.parse(event?.detail ?? "{}")).toMatchObject({ reason: "abandoned" });
  });
});
