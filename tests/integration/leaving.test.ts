import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { activeChat, call, connectVictim } from "./harness";

describe("a victim leaving", () => {
  it("by quick exit: the beacon ends the chat and the officer is told why", async () => {
    const { started, chat } = await activeChat();
    const beacon = await call(`/api/conversations/${started.conversationId}/quick-exit`, {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: started.token,
    });
    expect(beacon.status).toBe(204);
    expect(await chat.next("ended")).toEqual({ type: "ended", reason: "quick-exit" });
    const row = await env.DB.prepare("SELECT end_reason FROM conversations WHERE id = ?").bind(started.conversationId).first();
    expect(row).toEqual({ end_reason: "quick-exit" });
  });

  it("ignores a quick-exit beacon without the right token", async () => {
    const { started, chat } = await activeChat();
    const beacon = await call(`/api/conversations/${started.conversationId}/quick-exit`, { method: "POST", body: "A".repeat(43) });
    expect(beacon.status).toBe(204);
    await expect(chat.next("ended", () => true, 200)).rejects.toThrow();
  });

  it("quietly: the chat ends and the officer is told the victim left quietly", async () => {
    const { victim, chat } = await activeChat();
    victim.send({ type: "end", quietly: true });
    expect(await chat.next("ended")).toEqual({ type: "ended", reason: "left-quietly" });
  });
});

describe("sharing a location", () => {
  it("reaches the officer with its accuracy, only from the victim, and stays in the record", async () => {
    const { started, victim, chat } = await activeChat();
    victim.send({ type: "location", latitude: 53.4808, longitude: -2.2426, accuracy: 35 });
    const shared = await chat.next("location");
    expect(shared.location).toMatchObject({ latitude: 53.4808, longitude: -2.2426, accuracy: 35 });
    await victim.next("location");

    chat.send({ type: "location", latitude: 1, longitude: 1, accuracy: 1 });
    await expect(victim.next("location", () => true, 200)).rejects.toThrow();
    victim.send({ type: "location", latitude: 91, longitude: 0, accuracy: 1 });
    expect(await victim.next("error")).toMatchObject({ code: "bad-frame" });

    const officer = await connectVictim(started);
    expect((await officer.next("welcome")).locations).toHaveLength(1);
    victim.send({ type: "end" });
    await victim.next("ended");
    await victim.closedWith();
    const row = await env.DB.prepare("SELECT transcript_key FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first<{ transcript_key: string }>();
    const transcript = JSON.parse(await (await env.TRANSCRIPTS.get(row!.transcript_key))!.text());
    expect(transcript.locations).toMatchObject([{ latitude: 53.4808, longitude: -2.2426, accuracy: 35 }]);
  });
});
