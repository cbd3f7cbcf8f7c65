/**
 * The victim's hold on their conversation: the id and the secret token, kept in memory only.
 * Nothing here is written to cookies or storage; quick exit and a closed tab forget it.
 */
import { StartedConversation, TicketResponse } from "$shared/protocol";
import { postJson } from "../api";

export async function startConversation(): Promise<StartedConversation> {
  return StartedConversation.parse(await postJson("/conversations"));
}

/** A fresh single-use ticket for each (re)connection, so the token never appears in a URL. */
export async function connectionQuery(started: StartedConversation): Promise<Record<string, string>> {
  const body = await postJson(`/conversations/${started.conversationId}/tickets`, undefined, {
    Authorization: `Bearer ${started.token}`,
  });
  return { ticket: TicketResponse.parse(body).ticket };
}
