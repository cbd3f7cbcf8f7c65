import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { activeChat, connectVictim } from "./harness";

describe("an officer's notes and the chat's outcome", () => {
  it("keeps private notes from the victim and puts them, with the outcome, in the record", async () => {
    const { started, victim, chat, officer } = await activeChat();
    chat.send({ type: "note", text: "Victim whispering; abuser may be in the next room" });
    expect((await chat.next("note")).note).toMatchObject({ officerId: officer.id, text: "Victim whispering; abuser may be in the next room" });

    chat.send({ type: "outcome", outcome: "crime-recorded", crimeReference: "CRI/2026/004512", detail: "Assault recorded" });
    expect((await chat.next("outcome")).outcome).toMatchObject({ outcome: "crime-recorded", crimeReference: "CRI/2026/004512" });

    victim.send({ type: "outcome", outcome: "other" });
    expect(await victim.next("error")).toMatchObject({ code: "not-allowed" });
    await expect(victim.next("note", () => true, 200)).rejects.toThrow();
    const again = await connectVictim(started);
    expect(await again.next("welcome")).toMatchObject({ notes: [], outcome: null });

    chat.send({ type: "end" });
    await chat.next("ended");
    await chat.closedWith();
    const row = await env.DB.prepare("SELECT outcome, crime_reference, transcript_key FROM conversations WHERE id = ?")
      .bind(started.conversationId)
      .first<{ outcome: string; crime_reference: string; transcript_key: string }>();
    expect(row).toMatchObject({ outcome: "crime-recorded", crime_reference: "CRI/2026/004512" });
    const transcript = JSON.parse(await (await env.TRANSCRIPTS.get(row!.transcript_key))!.text());
    expect(transcript.notes).toMatchObject([{ text: "Victim whispering; abuser may be in the next room" }]);
    expect(transcript.outcome).toMatchObject({ outcome: "crime-recorded", crimeReference: "CRI/2026/004512" });
  });
});
