/**
 * Sealed records, for staff: search, read, export, verify, link to a crime reference, add to,
 * hold; and for supervisors and admins the audit log, for admins what retention will delete.
 *
 * Every route that reveals or changes a record takes the justification the person gave and
 * writes it to the audit log *before* answering, so nothing is seen that is not logged. The one
 * list without a reason is the asker's own chats of the last 24 hours (records/recent.ts), which
 * shows no more than they saw on their shift; opening one is a view like any other. An
 * officer reaches only records of chats they took part in; a record they may not see is
 * "not found", exactly like one that does not exist.
 */
import { eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { database } from "../db/client";
import { conversations } from "../db/schema";
import { apiError } from "../http/errors";
import { readBody } from "../http/body";
import { allow, type OfficerEnv } from "../http/require-officer";
import { addendaDocument, addendaOf, appendAddendum } from "../records/addenda";
import { audit, auditEntries } from "../records/audit";
import { addToSealedRecord, BEING_SEALED } from "../records/record-writes";
import { retentionPreview } from "../records/retention";
import { readableRecord, searchRecords, summaryFor } from "../records/search";
import { officerNames, officersIn, staffList } from "../records/officer-names";
import { recentOwnRecords } from "../records/recent";
import { questionnaireOutline } from "../assessment/questionnaires";
import { serviceTimeZone } from "../config";
import { Zone } from "../shared/time-zone";
import {
  AddendumNote,
  AuditQuery,
  ExportRequest,
  JustifiedRequest,
  LegalHoldRequest,
  LinkCrimeReference,
  OpaqueId,
  RecordSearch,
  type RecentRecords,
  type RecordReading,
  type VerifyResult,
} from "../shared/protocol";
import { canonicalJson } from "../transcripts/canonical-json";
import { entry } from "../transcripts/entries";
import type { TranscriptDocument } from "../shared/record/transcript";
import type { RecordEntry } from "../shared/record/entry";
import { verifyAddenda, verifyTranscript } from "../transcripts/verify";

export const recordRoutes = new Hono<OfficerEnv>();
recordRoutes.use("*", allow("use-console"));

/** A transcript file uploaded for checking may be large; anything bigger is refused, not read. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

const actorOf = (c: Context<OfficerEnv>) => ({ id: c.var.officer.id, role: c.var.officer.role });
const NOT_FOUND = "There is no such record of yours.";
/** The answer for a record retention has deleted: it existed, and is gone for good. */
const erased = (c: Context<OfficerEnv>) => apiError(c, 410, "erased", "This record was deleted when its retention period ended.");

/** The record behind `:id` if this officer may see it; else the 404 to send. */
async function recordFor(c: Context<OfficerEnv>) {
  const id = OpaqueId.safeParse(c.req.param("id"));
  const row = id.success ? await readableRecord(c.env.DB, c.var.officer, id.data) : null;
  return row ? { ok: true as const, row } : { ok: false as const, response: apiError(c, 404, "not-found", NOT_FOUND) };
}

/** The sealed JSON transcript's text, or the answer to send when there is none to give. */
async function sealedText(c: Context<OfficerEnv>, row: typeof conversations.$inferSelect) {
  if (row.erasedAt !== null) return { ok: false as const, response: erased(c) };
  if (!row.transcriptKey) return { ok: false as const, response: apiError(c, 409, "being-sealed", "This record is still being sealed. Try again in a minute.") };
  const object = await c.env.TRANSCRIPTS.get(row.transcriptKey);
  if (!object) throw new Error(`sealed transcript ${row.transcriptKey} is missing from R2`);
  return { ok: true as const, text: await object.text() };
}

/** Checks the stored transcript against the digest recorded in D1, and its addenda. */
async function verifyStored(db: D1Database, row: typeof conversations.$inferSelect, text: string): Promise<VerifyResult> {
  const document = JSON.parse(text) as TranscriptDocument;
  const verdict = verifyTranscript(document, { fileText: text, expectedSha256: row.transcriptSha256 ?? undefined });
  const addenda = verifyAddenda(document, addendaDocument(row.id, document.seal?.head ?? "", await addendaOf(db, row.id)));
  return {
    ...verdict,
    ok: verdict.ok && addenda.ok,
    matchesRecorded: verdict.fileSha256 === row.transcriptSha256,
    addenda: { ok: addenda.ok, entries: addenda.entries, problems: addenda.problems },
  };
}

recordRoutes.post("/search", async (c) => {
  const body = await readBody(c, RecordSearch);
  if (!body.ok) return body.response;
  const { justification, ...filters } = body.data;
  await audit(c.env.DB, actorOf(c), "search", { justification, detail: filters });
  return c.json(await searchRecords(c.env.DB, c.var.officer, body.data, Zone.named(serviceTimeZone(c.env))));
});

recordRoutes.get("/mine", async (c) => {
  const recent: RecentRecords = { ...(await recentOwnRecords(c.env.DB, c.var.officer, Date.now())), timeZone: serviceTimeZone(c.env) };
  return c.json(recent);
});

/** Names for everyone the record and its addenda name, the zone, and the questionnaire's questions. */
async function readingOf(c: Context<OfficerEnv>, document: TranscriptDocument, addenda: RecordEntry[]): Promise<RecordReading> {
  const { id, title } = document.assessment.questionnaire;
  return {
    officerNames: await officerNames(c.env.DB, officersIn([...document.entries, ...addenda])),
    timeZone: serviceTimeZone(c.env),
    questionnaire: questionnaireOutline(id, title),
  };
}

recordRoutes.post("/verify", async (c) => {
  const length = Number(c.req.header("Content-Length") ?? 0);
  if (length > MAX_UPLOAD_BYTES) return apiError(c, 413, "too-large", "That file is too large to be a transcript.");
  const text = await c.req.text();
  if (text.length > MAX_UPLOAD_BYTES) return apiError(c, 413, "too-large", "That file is too large to be a transcript.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return apiError(c, 400, "bad-request", "That file is not JSON, so it is not a quietline transcript.");
  }
  const verdict = verifyTranscript(parsed, { fileText: text });
  const recorded = verdict.conversationId
    ? (await database(c.env.DB).select({ sha: conversations.transcriptSha256 }).from(conversations).where(eq(conversations.id, verdict.conversationId)))[0]
    : undefined;
  const matchesRecorded = recorded?.sha ? recorded.sha === verdict.fileSha256 : null;
  await audit(c.env.DB, actorOf(c), "verify", {
    conversationId: verdict.conversationId,
    justification: "Checked a transcript file against its seal.",
    detail: { uploaded: true, fileSha256: verdict.fileSha256, ok: verdict.ok, matchesRecorded },
  });
  const answer: VerifyResult = { ...verdict, ok: verdict.ok && matchesRecorded !== false, matchesRecorded };
  if (matchesRecorded === false) {
    answer.problems = [...answer.problems, "This file's SHA-256 is not the one recorded when the transcript was sealed."];
  }
  return c.json(answer);
});

recordRoutes.post("/audit", allow("read-audit-log", "Only supervisors and admins read the audit log."), async (c) => {
  const body = await readBody(c, AuditQuery, { optional: true });
  if (!body.ok) return body.response;
  await audit(c.env.DB, actorOf(c), "audit-read", { justification: "Reviewed the audit log.", detail: body.data });
  return c.json(await auditEntries(c.env.DB, body.data, Zone.named(serviceTimeZone(c.env))));
});

recordRoutes.get("/officers", allow("read-any-chat", "Only supervisors and admins list the staff."), async (c) => c.json(await staffList(c.env.DB)));

recordRoutes.get("/retention", allow("see-retention", "Only admins see what retention will delete."), async (c) => {
  return c.json(await retentionPreview(c.env, Date.now()));
});

recordRoutes.post("/:id/view", async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, JustifiedRequest);
  if (!body.ok) return body.response;
  await audit(c.env.DB, actorOf(c), "view", { conversationId: record.row.id, justification: body.data.justification });
  const summary = await summaryFor(c.env.DB, record.row);
  if (record.row.erasedAt !== null || !record.row.transcriptKey) {
    return c.json({ summary, transcript: null, addenda: [], verification: null, reading: null });
  }
  const sealed = await sealedText(c, record.row);
  if (!sealed.ok) return sealed.response;
  const transcript = JSON.parse(sealed.text) as TranscriptDocument;
  const addenda = await addendaOf(c.env.DB, record.row.id);
  return c.json({
    summary,
    transcript,
    addenda,
    verification: await verifyStored(c.env.DB, record.row, sealed.text),
    reading: await readingOf(c, transcript, addenda),
  });
});

recordRoutes.post("/:id/verify", async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, JustifiedRequest);
  if (!body.ok) return body.response;
  await audit(c.env.DB, actorOf(c), "verify", { conversationId: record.row.id, justification: body.data.justification });
  const sealed = await sealedText(c, record.row);
  if (!sealed.ok) return sealed.response;
  return c.json(await verifyStored(c.env.DB, record.row, sealed.text));
});

recordRoutes.post("/:id/export", async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, ExportRequest);
  if (!body.ok) return body.response;
  const { row } = record;
  const { format, justification } = body.data;
  if (row.erasedAt !== null) return erased(c);
  if (!row.transcriptKey || !row.pdfKey || !row.chainHead) {
    return apiError(c, 409, "being-sealed", "This record is still being sealed. Try again in a minute.");
  }
  await audit(c.env.DB, actorOf(c), format === "pdf" ? "export-pdf" : "export-json", {
    conversationId: row.id,
    justification,
    detail: { format, transcriptSha256: row.transcriptSha256, pdfSha256: row.pdfSha256 },
  });
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (format === "addenda") {
    headers.set("Content-Type", "application/json");
    headers.set("Content-Disposition", `attachment; filename="quietline-${row.id}-addenda.json"`);
    return new Response(canonicalJson(addendaDocument(row.id, row.chainHead, await addendaOf(c.env.DB, row.id))), { headers });
  }
  const key = format === "pdf" ? row.pdfKey : row.transcriptKey;
  const object = await c.env.TRANSCRIPTS.get(key);
  if (!object) throw new Error(`sealed file ${key} is missing from R2`);
  headers.set("Content-Type", format === "pdf" ? "application/pdf" : "application/json");
  headers.set("Content-Disposition", `attachment; filename="quietline-${row.id}.${format}"`);
  headers.set("X-Content-SHA256", (format === "pdf" ? row.pdfSha256 : row.transcriptSha256) ?? "");
  return new Response(object.body, { headers });
});

recordRoutes.post("/:id/crime-reference", async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, LinkCrimeReference);
  if (!body.ok) return body.response;
  const { crimeReference, justification } = body.data;
  if (record.row.erasedAt !== null) return erased(c);
  await audit(c.env.DB, actorOf(c), "link", { conversationId: record.row.id, justification, detail: { crimeReference } });
  await appendAddendum(c.env.DB, record.row.id, entry.crimeReference(c.var.officer.id, Date.now(), crimeReference));
  await database(c.env.DB).update(conversations).set({ crimeReference }).where(eq(conversations.id, record.row.id));
  return c.json(await summaryFor(c.env.DB, { ...record.row, crimeReference }));
});

recordRoutes.post("/:id/notes", async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, AddendumNote);
  if (!body.ok) return body.response;
  if (record.row.erasedAt !== null) return erased(c);
  const note = entry.note({ at: Date.now(), officerId: c.var.officer.id, text: body.data.text });
  const added = await addToSealedRecord(c.env.DB, c.var.officer, record.row.id, note, "Added a note to the record.");
  if (!added) return apiError(c, BEING_SEALED.status, BEING_SEALED.code, BEING_SEALED.message);
  return c.json(added, 201);
});

recordRoutes.post("/:id/hold", allow("hold-records", "Only supervisors and admins place or lift a legal hold."), async (c) => {
  const record = await recordFor(c);
  if (!record.ok) return record.response;
  const body = await readBody(c, LegalHoldRequest);
  if (!body.ok) return body.response;
  const { hold, justification } = body.data;
  if (record.row.erasedAt !== null) return erased(c);
  await audit(c.env.DB, actorOf(c), hold ? "hold" : "release", { conversationId: record.row.id, justification });
  const change = hold
    ? { legalHoldAt: Date.now(), legalHoldBy: c.var.officer.id, legalHoldReason: justification }
    : { legalHoldAt: null, legalHoldBy: null, legalHoldReason: null };
  await database(c.env.DB).update(conversations).set(change).where(eq(conversations.id, record.row.id));
  return c.json(await summaryFor(c.env.DB, { ...record.row, ...change }));
});
