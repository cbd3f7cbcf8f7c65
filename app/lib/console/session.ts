/**
 * Who is signed in, signing in and out: the staff session, for the console, Records and the
 * dashboard alike.
 *
 * **Types only from the shared protocol.** Records and the dashboard ask `currentOfficer()` too,
 * and a schema imported here would pull zod into their pages and split the chunk the victim page
 * shares with the console (see ../api.ts). These answers come from the Worker's own schemas.
 */
import type { MyConversations, Officer } from "$shared/protocol";
import type { z } from "zod/mini";
import { api, ApiFailure, postJson } from "../api";

interface SessionAnswer {
  officer: Officer;
}

/** The signed-in officer, or null when there is no valid session. */
export async function currentOfficer(): Promise<Officer | null> {
  try {
    return (await api<SessionAnswer>("/session")).officer;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string, humanCheck?: string): Promise<Officer> {
  return (await postJson<SessionAnswer>("/session", { email, password, ...(humanCheck ? { humanCheck } : {}) })).officer;
}

/** Ends this session, or (`everywhere`) every session this officer has, on every device. */
export async function signOut(everywhere = false): Promise<void> {
  await api(everywhere ? "/session/everywhere" : "/session", { method: "DELETE" });
}

export type MyConversation = z.infer<typeof MyConversations>["conversations"][number];

/** The chats this officer is in now, and ended ones still in wrap-up, to reopen after a reload or a new sign-in. */
export async function myConversations(): Promise<MyConversation[]> {
  return (await api<z.infer<typeof MyConversations>>("/me/conversations")).conversations;
}
