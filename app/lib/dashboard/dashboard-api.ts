/**
 * The /api/analytics figures the dashboard reads, through the one fetch layer (../api.ts). A
 * failure is the sentence the server gave (for an officer: "The service dashboard is for
 * supervisors and admins.").
 *
 * **Types only from the shared protocol.** A schema would pull zod into this route, and the
 * bundler would then split the chunk the victim page shares with the console: measured, one more
 * file and about 0.6 KB Brotli on every victim's first load. The server builds these answers
 * from its own schemas; the page only reads them.
 */
import type { Dashboard, LiveFigures } from "$shared/protocol";
import { api, ApiFailure } from "../api";

export interface PeriodChoice {
  from: string;
  to: string;
}

/** The figures for a period; without one, the service's default (the last 28 days to today). */
export function fetchDashboard(period?: PeriodChoice): Promise<Dashboard> {
  const query = period ? `?${new URLSearchParams({ from: period.from, to: period.to })}` : "";
  return api<Dashboard>(`/analytics/dashboard${query}`);
}

export function fetchLive(): Promise<LiveFigures> {
  return api<LiveFigures>("/analytics/live");
}

/** The sentence to show for any failure. */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiFailure)) return "The figures could not be read. Please try again.";
  return error.status === 401 ? "You are signed out. Sign in on the console, then reload this page." : error.message;
}
