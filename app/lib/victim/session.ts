/**
 * The victim's calls to the service. The conversation id and secret token live in memory and
 * in this tab's sessionStorage only (so a reload in the same tab resumes the chat); never a
 * cookie or localStorage. Quick exit, leaving, ending the chat and closing the tab erase them.
 */
import {
  ResumeCodeResponse,
  StartedConversation,
  TicketResponse,
  type StartConversationRequest,
} from "$shared/protocol";
import { postJson } from "../api";

/** A plain key: nothing in the browser's storage should name what this site is. */
const KEY = "s";

export async function startConversation(request: StartConversationRequest): Promise<StartedConversation> {
  const started = StartedConversation.parse(await postJson("/conversations", request));
  sessionStorage.setItem(KEY, JSON.stringify(started));
  return started;
}

/**
 * The conversation to resume, only when this page load is a reload of the same tab. A new
 * visit, Back/Forward, or a reopened closed tab (which browsers give its old sessionStorage)
 * starts fresh, and what was stored is erased.
 */
export function conversationToResume(): StartedConversation | null {
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type !== "reload") {
    forgetConversation();
    return null;
  }
  try {
    const parsed = StartedConversation.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetConversation(): void {
  sessionStorage.removeItem(KEY);
}

/** A fresh single-use ticket for each (re)connection, so the token never appears in a URL. */
export async function connectionQuery(started: StartedConversation): Promise<Record<string, string>> {
  const body = await postJson(`/conversations/${started.conversationId}/tickets`, undefined, {
    Authorization: `Bearer ${started.token}`,
  });
  return { ticket: TicketResponse.parse(body).ticket };
}

export async function takeResumeCode(started: StartedConversation, pin: string): Promise<ResumeCodeResponse> {
  const body = await postJson(`/conversations/${started.conversationId}/resume-code`, { pin }, {
    Authorization: `Bearer ${started.token}`,
  });
  return ResumeCodeResponse.parse(body);
}

/** The beacon that tells the conversation the victim has gone, for when the page cannot wait. */
export function leavingBeacon(started: StartedConversation, quietly = false) {
  const query = quietly ? "?quietly" : "";
  return { url: `/api/conversations/${started.conversationId}/quick-exit${query}`, body: started.token };
}
