/**
 * The calls the dashboard makes: who is signed in (`GET /api/session`, as `currentOfficer()`
 * in $lib/console/session does) and the /api/analytics figures. A failure becomes the sentence
 * the server gave (for an officer: "The service dashboard is for supervisors and admins.").
 *
 * **Types only from the shared protocol, and no import of `$lib/api` or `$lib/console/session`.**
 * Either would pull zod and the protocol's schemas into this route, and the bundler would then
 * split the chunk the victim page shares with the console: measured, one more file and about
 * 0.6 KB Brotli on every victim's first load. The server builds these answers from its own
 * schemas; the page only reads them.
 */
import type { Dashboard, LiveFigures, Officer } from "$shared/protocol";

export interface PeriodChoice {
  from: string;
  to: string;
}

export class DashboardError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new DashboardError(0, "Could not reach the service. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new DashboardError(response.status, sentenceIn(body));
  return body as T;
}

/** `{ error: { code, message } }` from the server, or a plain sentence when the body is not that. */
function sentenceIn(body: unknown): string {
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

/** The signed-in officer, or null when there is no valid session. */
export async function signedInOfficer(): Promise<Officer | null> {
  try {
    return (await get<{ officer: Officer }>("/session")).officer;
  } catch (error) {
    if (error instanceof DashboardError && error.status === 401) return null;
    throw error;
  }
}

/** The figures for a period; without one, the service's default (the last 28 days to today). */
export function fetchDashboard(period?: PeriodChoice): Promise<Dashboard> {
  const query = period ? `?${new URLSearchParams({ from: period.from, to: period.to })}` : "";
  return get<Dashboard>(`/analytics/dashboard${query}`);
}

export function fetchLive(): Promise<LiveFigures> {
  return get<LiveFigures>("/analytics/live");
}

/** The sentence to show for any failure. */
export function messageOf(error: unknown): string {
  if (!(error instanceof DashboardError)) return "The figures could not be read. Please try again.";
  return error.status === 401 ? "You are signed out. Sign in on the console, then reload this page." : error.message;
}
