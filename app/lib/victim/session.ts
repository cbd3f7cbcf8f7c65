/**
 * The victim's hold on their conversation: the id and the secret token. It lives in memory
 * and in this tab's sessionStorage only (so a reload in the same tab resumes the chat); it is
 * never a cookie or localStorage, and quick exit, ending the chat and closing the tab erase it.
 */
import { StartedConversation, TicketResponse } from "$shared/protocol";
import { postJson } from "../api";

/** A plain key: nothing in the browser's storage should name what this site is. */
const KEY = "s";

export async function startConversation(): Promise<StartedConversation> {
  const started = StartedConversation.parse(await postJson("/conversations"));
  sessionStorage.setItem(KEY, JSON.stringify(started));
  return started;
}

/** The conversation this tab was in before a reload, if any. */
export function resumableConversation(): StartedConversation | null {
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
