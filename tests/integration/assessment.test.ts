import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AssessmentView } from "../../worker/shared/protocol";
import { activeChat, call, signedInOfficer } from "./harness";

function change(conversationId: string, cookie: string, body: unknown) {
  return call(`/api/conversations/${conversationId}/assessment`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });
}

describe("the risk assessment of a chat", () => {
  it("records each answer with who gave it, when, and the messages it came from, and grades it", async () => {
    const { started, victim, chat, officer } = await activeChat();
    victim.send({ type: "send", id: "dash-source-1", text: "He put his hands round my neck last week" });
    await chat.next("message");

    const answered = await change(started.conversationId, officer.cookie, {
      kind: "answer",
      questionId: "strangled",
      answer: "yes",
      comment: "Last week, at home",
      messageSeqs: [1],
    });
    expect(answered.status).toBe(201);
    const view = (await answered.json()) as AssessmentView;
    expect(view.entries).toMatchObject([
      { kind: "answer", questionId: "strangled", answer: "yes", messageSeqs: [1], officerId: officer.id },
    ]);
    expect(view.grading).toMatchObject({ yesCount: 1, grade: "standard" });

    // A changed answer is a new entry; the old one stays in the record.
    await change(started.conversationId, officer.cookie, { kind: "answer", questionId: "strangled", answer: "not-known" });
    const read = (await (await call(`/api/conversations/${started.conversationId}/assessment`, { headers: { Cookie: officer.cookie } })).json()) as AssessmentView;
    expect(read.entries.map((e) => e.answer)).toEqual(["yes", "not-known"]);
    expect(read.grading.yesCount).toBe(0);
  });

  it("refuses a judgement lower than the count gives, and keeps the reason for one that raises it", async () => {
    const { started, officer } = await activeChat();
    const ids = ["injury", "frightened", "afraid-of", "isolated", "depressed", "separation", "child-contact", "constant-contact", "pregnancy", "children"];
    for (const questionId of ids) await change(started.conversationId, officer.cookie, { kind: "answer", questionId, answer: "yes" });
    const lower = await change(started.conversationId, officer.cookie, { kind: "judgement", grade: "standard", reason: "seems fine" });
    expect(lower.status).toBe(409);
    const raised = await change(started.conversationId, officer.cookie, { kind: "judgement", grade: "high", reason: "Recent threat with a knife" });
    expect(((await raised.json()) as AssessmentView).grading).toMatchObject({ byCount: "medium", grade: "high", maracReferral: true });
  });

  it("is open only to the officer in the chat and to supervisors", async () => {
    const { started } = await activeChat();
    const path = `/api/conversations/${started.conversationId}/assessment`;
    const stranger = await signedInOfficer();
    expect((await call(path, { headers: { Cookie: stranger.cookie } })).status).toBe(404);
    expect((await change(started.conversationId, stranger.cookie, { kind: "answer", questionId: "injury", answer: "yes" })).status).toBe(404);
    expect((await call(path)).status).toBe(401);
    const supervisor = await signedInOfficer("supervisor");
    expect((await call(path, { headers: { Cookie: supervisor.cookie } })).status).toBe(200);
  });

  it("travels with the conversation into its transcript", async () => {
    const { started, victim, chat, officer } = await activeChat();
    await change(started.conversationId, officer.cookie, { kind: "escalation", incidentsInYear: 4, comment: "Police called three times" });
    chat.send({ type: "end" });
    await victim.next("ended");
    await victim.closedWith();
    const row = await env.DB.prepare("SELECT transcript_key FROM conversations WHERE id = ?").bind(started.conversationId).first<{ transcript_key: string }>();
    const transcript = JSON.parse(await (await env.TRANSCRIPTS.get(row!.transcript_key))!.text());
    expect(transcript.assessment).toMatchObject({
      questionnaire: { id: "dash-2009" },
      changes: [{ kind: "escalation", incidentsInYear: 4, officerId: officer.id }],
      grading: { potentialEscalation: true, maracReferral: true },
    });
  });
});
