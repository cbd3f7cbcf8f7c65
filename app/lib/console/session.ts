import { Officer } from "$shared/protocol";
import { api, ApiFailure, postJson } from "../api";
import { z } from "zod";

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

export async function signIn(email: string, password: string): Promise<Officer> {
  return SessionBody.parse(await postJson("/session", { email, password })).officer;
}

export async function signOut(): Promise<void> {
  await api("/session", { method: "DELETE" });
}
