/**
 * The /api/records calls, typed. They go through the one fetch layer (../api.ts), so a failure is
 * an ApiFailure carrying the sentence the server gave, which the page shows as it is.
 *
 * **Types only from the shared protocol.** A schema would pull zod into this route, and the
 * bundler would then split the chunk the victim page shares with the console: an extra file and
 * lost compression on every victim's first load. The server validates every body it is sent;
 * these answers come from it.
 */
import type {
  AuditList,
  AuditQuery,
  ExportRequest,
  RecentRecords,
  RecordReading,
  RecordSearch,
  RecordSearchResult,
  RecordSummary,
  RetentionPreview,
  StaffList,
  VerifyResult,
} from "$shared/protocol";
import { api, ApiFailure, postJson, request } from "../api";
import type { RecordEntry } from "$shared/record/entry";
import type { TranscriptDocument as Transcript } from "$shared/record/transcript";

/** What `POST /:id/view` answers; `transcript` and `reading` are null for a deleted record or one not sealed yet. */
export interface RecordView {
  summary: RecordSummary;
  transcript: Transcript | null;
  addenda: RecordEntry[];
  verification: VerifyResult | null;
  reading: RecordReading | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
  /** What the service recorded when it sealed the file (X-Content-SHA256); null for addenda. */
  recordedSha256: string | null;
}

/** The sentence to show for any failure: the server's, else a plain one. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiFailure ? error.message : "Something went wrong. Please try again.";

const record = (id: string) => `/records/${encodeURIComponent(id)}`;

/** One's own chats that ended in the last 24 hours: no reason asked, nothing audited. */
export const myRecentRecords = () => api<RecentRecords>("/records/mine");

/** Every staff account by name, asked once a page (supervisors and admins only). */
let staff: Promise<StaffList> | undefined;
export const staffList = (): Promise<StaffList> => {
  staff ??= api<StaffList>("/records/officers").catch((error: unknown) => {
    staff = undefined;
    throw error;
  });
  return staff;
};

export const searchRecords = (search: RecordSearch) => postJson<RecordSearchResult>("/records/search", search);

export const viewRecord = (id: string, justification: string) => postJson<RecordView>(`${record(id)}/view`, { justification });

export const verifyRecord = (id: string, justification: string) =>
  postJson<VerifyResult>(`${record(id)}/verify`, { justification });

export const linkCrimeReference = (id: string, justification: string, crimeReference: string) =>
  postJson<RecordSummary>(`${record(id)}/crime-reference`, { justification, crimeReference });

export const addNote = (id: string, text: string) => postJson<RecordEntry>(`${record(id)}/notes`, { text });

export const setLegalHold = (id: string, justification: string, hold: boolean) =>
  postJson<RecordSummary>(`${record(id)}/hold`, { justification, hold });

/** Checks a transcript file's text exactly as it was read, byte for byte. */
export const verifyFile = (text: string) =>
  api<VerifyResult>("/records/verify", { method: "POST", headers: { "Content-Type": "application/json" }, body: text });

export const auditLog = (query: AuditQuery) => postJson<AuditList>("/records/audit", query);

export const retentionPreview = () => api<RetentionPreview>("/records/retention");

/** The file as sealed (or the addenda), not parsed: a download must be the exact bytes. */
export async function exportRecord(id: string, wanted: ExportRequest): Promise<DownloadedFile> {
  const response = await request(`${record(id)}/export`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(wanted),
  });
  const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "");
  const fallback = `quietline-${id}${wanted.format === "addenda" ? "-addenda.json" : `.${wanted.format}`}`;
  return {
    blob: await response.blob(),
    filename: named?.[1] ?? fallback,
    recordedSha256: response.headers.get("X-Content-SHA256") || null,
  };
}
