/**
 * Sealing: when a chat ends, its record becomes two files in R2, a canonical JSON transcript and
 * a readable PDF made from it, each under a key that holds its SHA-256, with both digests in D1.
 *
 * - Idempotent: the same record gives the same bytes, so the same keys; a retry after a failure
 *   halfway writes nothing new. (The PDF also names the officers and uses the service's time
 *   zone, looked up here: the same as long as those are, and the JSON never depends on them.)
 * - Never rewritten: an object already in R2 under its digest is left as it is, and D1 takes a
 *   seal only for a conversation that has none (or the same one again).
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { database } from "../db/client";
import { conversations } from "../db/schema";
import type { ChatMessage } from "../shared/protocol";
import { copyToD1, messageDigests, type ArchivedConversation } from "./d1-copy";
import { sha256HexSync } from "../transcripts/digest";
import { sealTranscript, transcriptBytes } from "../transcripts/document";
import { deleteLiveCopy } from "./live-copy";
import { inPdfTurn } from "./pdf-turns";
import { log } from "../log";
import { serviceTimeZone } from "../config";
import { officerNames, officersIn } from "../records/officer-names";
import type { RecordEntry } from "../shared/record/entry";
import type { TranscriptDocument } from "../shared/record/transcript";

export interface SealedFiles {
  jsonKey: string;
  jsonSha256: string;
  pdfKey: string;
  pdfSha256: string;
  document: TranscriptDocument;
}

type PdfRenderer = typeof import("../transcripts/pdf/render");
type ReadingContext = import("../transcripts/pdf/render").ReadingContext;

/** The PDF renderer once loaded in this isolate: the module itself, never the promise loading it. */
let renderer: PdfRenderer | undefined;

/**
 * The PDF renderer, loaded on the first seal, not when the Worker starts: evaluating pdf-lib,
 * fontkit and pako took about 120 ms of the 170 ms startup CPU that every cold start paid (a
 * victim's first request among them), for code only sealing uses (BENCHMARKS.md, "Cold start").
 * The dynamic import stays in the one bundle wrangler builds; esbuild only defers evaluating it.
 *
 * Imported once per isolate and kept, not imported again by each seal: under the test pool an
 * `import()` is a request to the runner, and one shared by two objects belongs to the first.
 * tests/setup/preload-lazy-modules.ts calls this before any object runs, as a deployed bundle
 * has it at hand. (Two seals at once had a second cause, in the renderer: see pdf-turns.ts.)
 */
export async function loadPdfRenderer(): Promise<PdfRenderer> {
  renderer ??= await import("../transcripts/pdf/render");
  return renderer;
}

/** What the PDF names and times are read with: the officers' names now, and the service's zone. */
export async function readingContext(env: Pick<Env, "DB" | "SERVICE_TIME_ZONE">, entries: readonly RecordEntry[]): Promise<ReadingContext> {
  return { officerNames: await officerNames(env.DB, officersIn(entries)), timeZone: serviceTimeZone(env) };
}

/** The transcript's files, worked out but not written: what sealing would store. */
export async function sealedFiles(
  entries: readonly RecordEntry[],
  context: ReadingContext,
): Promise<SealedFiles & { json: string; pdf: Uint8Array }> {
  const document = sealTranscript(entries);
  const json = transcriptBytes(document);
  const { renderTranscriptPdf } = await loadPdfRenderer();
  const pdf = await inPdfTurn(() => renderTranscriptPdf(document, context));
  const jsonSha256 = sha256HexSync(json);
  const pdfSha256 = sha256HexSync(pdf);
  const folder = `transcripts/${document.conversationId}`;
  return { document, json, pdf, jsonSha256, pdfSha256, jsonKey: `${folder}/${jsonSha256}.json`, pdfKey: `${folder}/${pdfSha256}.pdf` };
}

/** Writes `body` under `key` unless something is already there: sealed files are never replaced. */
async function putOnce(bucket: R2Bucket, key: string, body: string | Uint8Array, contentType: string, sha256: string, conversationId: string) {
  if (await bucket.head(key)) return;
  await bucket.put(key, body, { httpMetadata: { contentType }, customMetadata: { conversationId, sha256 }, sha256 });
}

export async function sealRecord(
  env: Pick<Env, "DB" | "TRANSCRIPTS" | "SERVICE_TIME_ZONE">,
  record: ArchivedConversation,
  chat: ChatMessage[],
  entries: RecordEntry[],
): Promise<SealedFiles> {
  const files = await sealedFiles(entries, await readingContext(env, entries));
  await putOnce(env.TRANSCRIPTS, files.jsonKey, files.json, "application/json", files.jsonSha256, record.id);
  await putOnce(env.TRANSCRIPTS, files.pdfKey, files.pdf, "application/pdf", files.pdfSha256, record.id);
  await copyToD1(env, record, chat, { everything: true, digests: messageDigests(entries) });
  const { grading, changes } = files.document.assessment;
  const sealed = await database(env.DB)
    .update(conversations)
    .set({
      transcriptKey: files.jsonKey,
      transcriptSha256: files.jsonSha256,
      pdfKey: files.pdfKey,
      pdfSha256: files.pdfSha256,
      chainHead: files.document.seal.head,
      chainEntries: files.document.seal.entries,
      sealedAt: Date.now(),
      riskGrade: changes.length > 0 ? grading.grade : null,
    })
    .where(
      and(
        eq(conversations.id, record.id),
        or(isNull(conversations.transcriptSha256), eq(conversations.transcriptSha256, files.jsonSha256)),
      ),
    )
    .returning({ id: conversations.id });
  // Already sealed with another digest: left as it was, and said so.
  if (sealed.length === 0) log.error("conversation.seal-conflict", { conversationId: record.id });
  await deleteLiveCopy(env.TRANSCRIPTS, record.id);
  return files;
}
