import { MyConversations, Officer } from "$shared/protocol";
import { api, ApiFailure, postJson } from "../api";
import { z } from "zod/mini";

const SessionBody = z.object({ officer: Officer });

/** The signed-in officer, or null when there is no valid session. */
export async function currentOfficer(): Promise<Officer | null> {
  try {
    return SessionBody.parse(await api("/session")).officer;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string, humanCheck?: string): Promise<Officer> {
  return SessionBody.parse(await postJson("/session", { email, password, ...(humanCheck ? { humanCheck } : {}) })).officer;
}

/** Ends this session, or (`everywhere`) every session this officer has, on every device. */
export async function signOut(everywhere = false): Promise<void> {
  await api(everywhere ? "/session/everywhere" : "/session", { method: "DELETE" });
}

/** The chats this officer is in now, to reopen after a reload or a new sign-in. */
export async function myConversations(): Promise<string[]> {
  const body = MyConversations.parse(await api("/me/conversations"));
  return body.conversations.map((c) => c.conversationId);
}
