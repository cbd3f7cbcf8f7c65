/**
 * The victim's calls to the service. The conversation id and secret token live in memory and
 * in this tab's sessionStorage only (so a reload in the same tab resumes the chat); never a
 * cookie or localStorage. Quick exit, leaving, ending the chat and closing the tab erase them.
 */
import type { ResumeCodeResponse, StartConversationRequest, StartedConversation } from "$shared/protocol";
import { postJson } from "../api";

/**
 * The protocol's checks (zod) are fetched when a chat starts or resumes, not with the page: a
 * victim who only looks at the page does not download them (README "Page weight").
 */
const schemas = () => import("$shared/protocol/http");
type Schemas = Awaited<ReturnType<typeof schemas>>;

/** The answer to `call`, checked with the schema `pick` names; the call's own failure comes first. */
async function checked<T>(call: Promise<unknown>, pick: (s: Schemas) => { parse(body: unknown): T }): Promise<T> {
  const loading = schemas();
  loading.catch(() => {});
  const body = await call;
  return pick(await loading).parse(body);
}

/** A plain key: nothing in the browser's storage should name what this site is. */
const KEY = "s";

export async function startConversation(request: StartConversationRequest): Promise<StartedConversation> {
  const started = await checked(postJson("/conversations", request), (s) => s.StartedConversation);
  sessionStorage.setItem(KEY, JSON.stringify(started));
  return started;
}

/**
 * The conversation to resume, only when this page load is a reload of the same tab. A new
 * visit, Back/Forward, or a reopened closed tab (which browsers give its old sessionStorage)
 * starts fresh, and what was stored is erased.
 */
export async function conversationToResume(): Promise<StartedConversation | null> {
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type !== "reload") {
    forgetConversation();
    return null;
  }
  const stored = sessionStorage.getItem(KEY);
  if (stored === null) return null;
  const { StartedConversation } = await schemas();
  try {
    const parsed = StartedConversation.safeParse(JSON.parse(stored));
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
  const body = postJson(`/conversations/${started.conversationId}/tickets`, undefined, {
    Authorization: `Bearer ${started.token}`,
  });
  return { ticket: (await checked(body, (s) => s.TicketResponse)).ticket };
}

/** A code in the words of `language`, the page's (the answer says which language it is in). */
export async function takeResumeCode(started: StartedConversation, pin: string, language: string): Promise<ResumeCodeResponse> {
  const body = postJson(`/conversations/${started.conversationId}/resume-code`, { pin, language }, {
    Authorization: `Bearer ${started.token}`,
  });
  return checked(body, (s) => s.ResumeCodeResponse);
}

/** The beacon that tells the conversation the victim has gone, for when the page cannot wait. */
export function leavingBeacon(started: StartedConversation, quietly = false) {
  const query = quietly ? "?quietly" : "";
  return { url: `/api/conversations/${started.conversationId}/quick-exit${query}`, body: started.token };
}
