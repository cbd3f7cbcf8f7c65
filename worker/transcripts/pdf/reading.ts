/**
 * How the PDF names people and writes times: officers by display name, times in the service's
 * zone with their offset, answers and gradings in words (worker/shared/record-labels.ts).
 */
import { languageName } from "../../shared/language-names";
import { answerLabel, gradeLabel } from "../../shared/record-labels";
import type { ReadingAids } from "../../shared/record/event-lines";
import { DEFAULT_SERVICE_TIME_ZONE, serviceTime } from "../../shared/service-time";
import type { Participant, TranscriptAssessmentChange } from "../../shared/record/transcript";

/** What the PDF needs beyond the document to be read by people, looked up when it is sealed. */
export interface ReadingContext {
  /** Officers' display names by id; an officer not found is shown by id. */
  officerNames: Readonly<Record<string, string>>;
  /** The service's IANA time zone (worker/config.ts `serviceTimeZone`). */
  timeZone: string;
}

/** For a PDF made without a context (tests of its layout): officers by id, the default zone. */
export const BARE: ReadingContext = { officerNames: {}, timeZone: DEFAULT_SERVICE_TIME_ZONE };

/** Names and times as this PDF writes them. */
export interface Reader extends ReadingAids {
  /** A time, or "—" for none. */
  at: (iso: string | null) => string;
}

export function readerOf(context: ReadingContext): Reader {
  const time = (iso: string) => serviceTime(iso, context.timeZone, { seconds: true });
  return {
    officer: (officerId) => context.officerNames[officerId] ?? `Officer ${officerId}`,
    time,
    at: (iso) => (iso === null ? "—" : time(iso)),
  };
}

export function participantLine(p: Participant, read: Reader): string {
  if (p.role === "victim") {
    return `Victim — language: ${languageName(p.language, "not known")}, ${p.returning ? "returning" : "first contact"}`;
  }
  const name = read.officer(p.officerId);
  const id = name === `Officer ${p.officerId}` ? "" : ` (officer id ${p.officerId})`;
  return `Officer: ${name}${id} — joined ${read.at(p.joinedAt)}`;
}

export function changeLines(change: TranscriptAssessmentChange, read: Reader): string[] {
  const by = `by ${read.officer(change.officerId)}, ${read.at(change.at)}`;
  const messages = change.messageSeqs.length ? ` (messages ${change.messageSeqs.map((s) => `#${s}`).join(", ")})` : "";
  const lines =
    change.kind === "answer"
      ? [
          `${change.question ?? change.questionId ?? "Question"} — ${change.answer ? answerLabel(change.answer) : "answer cleared"}${messages}${
            change.draftedBy ? ` (accepted from a draft by ${change.draftedBy})` : ""
          }`,
        ]
      : change.kind === "judgement"
        ? [`Officer's judgement: ${change.grade ? gradeLabel(change.grade) : "none"}${messages}`]
        : [`Incidents in the last year: ${change.incidentsInYear ?? "not known"}${messages}`];
  if (change.comment) lines.push(`Comment: ${change.comment}`);
  lines.push(by);
  return lines;
}
