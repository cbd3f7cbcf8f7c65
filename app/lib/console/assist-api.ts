/**
 * Officer assist's drafts from the staff API (worker/routes/assist.ts): drafted DASH answers and
 * drafted handover notes and case summaries. Each answer is checked with the protocol's schema.
 */
import { DashDraftsView, SummaryDraftView } from "$shared/protocol";
import { postJson } from "../api";

export async function dashDrafts(conversationId: string): Promise<DashDraftsView> {
  return DashDraftsView.parse(await postJson(`/conversations/${conversationId}/assist/dash-drafts`));
}

export async function summaryDraft(conversationId: string, kind: "handover" | "case-summary"): Promise<SummaryDraftView> {
  return SummaryDraftView.parse(await postJson(`/conversations/${conversationId}/assist/${kind}-draft`));
}
