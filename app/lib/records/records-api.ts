/**
 * The /api/records calls, typed, and the one error they throw: `RecordsError`, carrying the
 * sentence the server gave, which the page shows as it is.
 *
 * **Types only from the shared protocol, and no import of `$lib/api`.** Either would pull zod
 * and the protocol's schemas into this route, and the bundler would then split the chunk the
 * victim page shares with the console: an extra file and lost compression on every victim's
 * first load. The server validates every body it is sent; these answers come from it.
 */
import type {
  AuditList,
  AuditQuery,
  ExportRequest,
  Officer,
  RecordSearch,
  RecordSearchResult,
  RecordSummary,
  RetentionPreview,
  VerifyResult,
} from "$shared/protocol";
import type { RecordEntry } from "$shared/record/entry";
import type { TranscriptDocument as Transcript } from "$shared/record/transcript";

export class RecordsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What `POST /:id/view` answers; `transcript` is null for a deleted record or one not sealed yet. */
export interface RecordView {
  summary: RecordSummary;
  transcript: Transcript | null;
  addenda: RecordEntry[];
  verification: VerifyResult | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
  /** What the service recorded when it sealed the file (X-Content-SHA256); null for addenda. */
  recordedSha256: string | null;
}

/** The sentence to show for any failure. */
export const messageOf = (error: unknown): string =>
  error instanceof RecordsError ? error.message : "Something went wrong. Please try again.";

/** `{ error: { code, message } }` from the server, or a plain sentence when the body is not that. */
async function failure(response: Response): Promise<RecordsError> {
  const body: unknown = await response.json().catch(() => null);
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return new RecordsError(response.status, "code" in error ? String(error.code) : "unknown", error.message);
  }
  return new RecordsError(response.status, "unknown", "Something went wrong. Please try again.");
}

/** A same-origin call with the session cookie; the response when it succeeded, else a RecordsError. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new RecordsError(0, "offline", "Could not reach the service. Check your connection and try again.");
  }
  if (!response.ok) throw await failure(response);
  return response;
}

async function post<T>(path: string, body: unknown, contentText?: string): Promise<T> {
  const response = await call(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: contentText ?? JSON.stringify(body),
  });
  return (await response.json()) as T;
}

const record = (id: string) => `/records/${encodeURIComponent(id)}`;

/** The signed-in officer, or null without a valid session (as `currentOfficer()` on the console). */
export async function signedInOfficer(): Promise<Officer | null> {
  try {
    const body = (await (await call("/session")).json()) as { officer: Officer };
    return body.officer;
  } catch (error) {
    if (error instanceof RecordsError && error.status === 401) return null;
    throw error;
  }
}

export const searchRecords = (search: RecordSearch) => post<RecordSearchResult>("/records/search", search);

export const viewRecord = (id: string, justification: string) => post<RecordView>(`${record(id)}/view`, { justification });

export const verifyRecord = (id: string, justification: string) =>
  post<VerifyResult>(`${record(id)}/verify`, { justification });

export const linkCrimeReference = (id: string, justification: string, crimeReference: string) =>
  post<RecordSummary>(`${record(id)}/crime-reference`, { justification, crimeReference });

export const addNote = (id: string, text: string) => post<RecordEntry>(`${record(id)}/notes`, { text });

export const setLegalHold = (id: string, justification: string, hold: boolean) =>
  post<RecordSummary>(`${record(id)}/hold`, { justification, hold });

/** Checks a transcript file's text exactly as it was read, byte for byte. */
export const verifyFile = (text: string) => post<VerifyResult>("/records/verify", undefined, text);

export const auditLog = (query: AuditQuery) => post<AuditList>("/records/audit", query);

export const retentionPreview = async () => (await (await call("/records/retention")).json()) as RetentionPreview;

/** The file as sealed (or the addenda), not parsed: a download must be the exact bytes. */
export async function exportRecord(id: string, request: ExportRequest): Promise<DownloadedFile> {
  const response = await call(`${record(id)}/export`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "");
  const fallback = `quietline-${id}${request.format === "addenda" ? "-addenda.json" : `.${request.format}`}`;
  return {
    blob: await response.blob(),
    filename: named?.[1] ?? fallback,
    recordedSha256: response.headers.get("X-Content-SHA256") || null,
  };
}
