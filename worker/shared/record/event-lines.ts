/**
 * A record's lifecycle events in words for people: officers by name, how the chat ended and the
 * victim's language in words, times in the service's zone. The sealed transcript keeps its own
 * `summary` lines exactly as sealed (verification rebuilds them, so they never change); readers
 * (the PDF, the Records page) draw these from the same entries instead.
 */
import { languageName } from "../language-names.ts";
import { endReasonLabel } from "../record-labels.ts";
import { INDICATORS } from "../risk-indicators.ts";
import type { Actor, RecordEntry } from "./entry.ts";

export interface ReadingAids {
  /** "Jane Smith" for an officer's id (or "You" on the page of the officer who reads it). */
  officer: (officerId: string) => string;
  /** A time for people, in the service's zone with its offset. */
  time: (iso: string) => string;
}

function actor(by: Actor, aids: ReadingAids): string {
  return by.role === "officer" ? aids.officer(by.officerId) : by.role === "victim" ? "the victim" : "the service";
}

/** One line for an entry that is a lifecycle event; null for the others (messages, notes, …). */
export function eventLine(entry: RecordEntry, aids: ReadingAids): string | null {
  switch (entry.kind) {
    case "opened":
      return `The victim started the chat (${entry.data.returning ? "returning" : "first contact"}; language ${languageName(entry.data.victimLanguage, "not chosen")}).`;
    case "accepted":
      return `${aids.officer(entry.data.officerId)} joined.`;
    case "returned": {
      const officer = aids.officer(entry.data.officerId);
      if (entry.data.reason === "returned-to-queue") return `${officer} handed the chat back to the queue.`;
      if (entry.data.reason === "officer-left") return `The chat went back to the queue: the console of ${officer} was gone too long.`;
      return `${officer} returned the chat to the queue (${entry.data.reason}).`;
    }
    case "transferred":
      return `${aids.officer(entry.data.from)} transferred the chat to ${aids.officer(entry.data.to)}.`;
    case "location":
      return "The victim shared their location.";
    case "language":
      return `${actor(entry.by, aids)} said message ${entry.data.seq} is in ${languageName(entry.data.language)}${
        entry.data.readAs ? ` (it had been read as ${languageName(entry.data.readAs)})` : ""
      }; it and the victim's later messages read the same way were translated again.`;
    case "more-time":
      return `${actor(entry.by, aids)} gave the victim more time: not to be asked whether they were still there before ${aids.time(entry.data.until)}.`;
    case "ended":
      return `The chat ended: ${endReasonLabel(entry.data.reason)} (by ${actor(entry.by, aids)}).`;
    case "risk-cue":
      return `Staff were shown a risk cue on message ${entry.data.seq}: ${INDICATORS[entry.data.indicator].name} (“${entry.data.words}”${
        entry.data.foundIn === "translation" ? ", in the translation" : ""
      }), a possible yes to its DASH question; the service never answers it.`;
    default:
      return null;
  }
}
