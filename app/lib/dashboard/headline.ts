/**
 * The headline figures for a period, in the page's words: what the cards show and what the CSV
 * lists under "Headline figures". The definitions follow worker/analytics/dashboard.ts.
 */
import type { Dashboard } from "$shared/protocol";
import { shareOf } from "./format";

export interface HeadlineFigure {
  label: string;
  kind: "count" | "duration";
  /** A count, or a duration in ms (null when there is none). */
  value: number | null;
  /** For counts of chats: the percentage of chats started, null when none started. */
  share?: number | null;
}

export interface HeadlineCard {
  title: string;
  /** How the figures are counted, in a sentence. */
  note: string;
  figures: HeadlineFigure[];
}

export function headlineCards(d: Dashboard): HeadlineCard[] {
  const ofStarted = (part: number) => shareOf(part, d.started);
  return [
    {
      title: "Chats started",
      note: "Each chat counts in the period, day and hour in which it started.",
      figures: [{ label: "Chats started", kind: "count", value: d.started }],
    },
    {
      title: "New and returning",
      note: "Returning: the victim came back with a resume code from an earlier chat.",
      figures: [
        { label: "New victims", kind: "count", value: d.newUsers, share: ofStarted(d.newUsers) },
        { label: "Returning victims", kind: "count", value: d.returningUsers, share: ofStarted(d.returningUsers) },
      ],
    },
    {
      title: "Answered",
      note: "An officer joined the chat.",
      figures: [{ label: "Answered", kind: "count", value: d.answered, share: ofStarted(d.answered) }],
    },
    {
      title: "Gave up waiting",
      note: "The chat ended before any officer joined.",
      figures: [{ label: "Gave up waiting", kind: "count", value: d.gaveUpWaiting, share: ofStarted(d.gaveUpWaiting) }],
    },
    {
      title: "Quick exits",
      note: "The victim left with Quick exit.",
      figures: [{ label: "Quick exits", kind: "count", value: d.quickExits }],
    },
    {
      title: "Waiting time",
      note: "From starting the chat to the first officer joining, over the chats an officer joined.",
      figures: [
        { label: "Median wait", kind: "duration", value: d.wait.medianMs },
        { label: "90th percentile wait", kind: "duration", value: d.wait.p90Ms },
        { label: "Chats counted for waiting time", kind: "count", value: d.wait.count },
      ],
    },
    {
      title: "Chat length",
      note: "From the first officer joining to the end, over the answered chats that have ended.",
      figures: [
        { label: "Median length", kind: "duration", value: d.length.medianMs },
        { label: "Mean length", kind: "duration", value: d.length.meanMs },
        { label: "90th percentile length", kind: "duration", value: d.length.p90Ms },
        { label: "Chats counted for length", kind: "count", value: d.length.count },
      ],
    },
  ];
}
