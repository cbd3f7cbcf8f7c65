/**
 * The supervision page's rows: one per live chat (waiting or with an officer), joined from what
 * the queue's socket says (the queue, the overview's assignments and what it knows of each chat),
 * and their order when sorted by a column. Pure, so the page only renders.
 */
import type { ActiveConversation, AssessmentGrade, WaitingConversation, WatchedChat } from "$shared/protocol";
import { languageName } from "$shared/language-names";

export interface LiveChatRow {
  conversationId: string;
  /** The officer who has it; null while it waits. */
  officerId: string | null;
  officerName: string | null;
  language: string;
  startedAt: number;
  assignedAt: number | null;
  lastVictimAt: number | null;
  grade: AssessmentGrade | null;
  answered: number;
  questions: number;
  maracReferral: boolean;
  locationShared: boolean;
  priorityReason: string | null;
  /** Back in the queue after an officer handed it back or left. */
  returned: boolean;
  /** Ended, and its officer is wrapping it up: how it ended. */
  ended: { reason: string; at: number } | null;
}

export type SortColumn = "officer" | "language" | "waited" | "with-officer" | "last-activity" | "risk";
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export function liveChatRows(
  waiting: readonly WaitingConversation[],
  active: readonly ActiveConversation[],
  watched: readonly WatchedChat[],
  nameOf: (officerId: string) => string,
): LiveChatRow[] {
  const known = new Map(watched.map((chat) => [chat.conversationId, chat]));
  const row = (conversationId: string, startedAt: number, assigned: ActiveConversation | null, returned: boolean): LiveChatRow => {
    const chat = known.get(conversationId);
    return {
      conversationId,
      officerId: assigned?.officerId ?? null,
      officerName: assigned ? nameOf(assigned.officerId) : null,
      language: languageName(chat?.language ?? null, "Not known yet"),
      startedAt,
      assignedAt: assigned?.assignedAt ?? null,
      lastVictimAt: chat?.lastVictimAt ?? null,
      grade: chat?.grade ?? null,
      answered: chat?.answered ?? 0,
      questions: chat?.questions ?? 0,
      maracReferral: chat?.maracReferral ?? false,
      locationShared: chat?.locationShared ?? false,
      priorityReason: chat?.priorityReason ?? null,
      returned,
      ended: chat?.ended ? { reason: chat.ended.reason, at: chat.ended.at } : null,
    };
  };
  const live = new Set([...waiting, ...active].map((chat) => chat.conversationId));
  // Ended chats still being wrapped up: their officer from the watch, their times as they were.
  const wrappingUp = watched
    .filter((chat) => chat.ended && !live.has(chat.conversationId))
    .map((chat) => row(chat.conversationId, chat.ended!.at, { conversationId: chat.conversationId, officerId: chat.ended!.officerId, waitingSince: chat.ended!.at, assignedAt: chat.ended!.at }, false));
  return [
    ...waiting.map((w) => row(w.conversationId, w.waitingSince, null, w.returned)),
    ...active.map((a) => row(a.conversationId, a.waitingSince, a, false)),
    ...wrappingUp,
  ];
}

/** How long the chat waited: until now while it still waits, else until an officer took it. */
export const waitedMs = (row: LiveChatRow, now: number) => (row.assignedAt ?? now) - row.startedAt;
export const withOfficerMs = (row: LiveChatRow, now: number) => (row.assignedAt === null ? null : now - row.assignedAt);
export const sinceVictimWroteMs = (row: LiveChatRow, now: number) => (row.lastVictimAt === null ? null : now - row.lastVictimAt);

const GRADE_ORDER: readonly (AssessmentGrade | null)[] = [null, "standard", "medium", "high"];

/** What a column sorts by; null (nothing yet) sorts as the least. */
function sortValue(row: LiveChatRow, column: SortColumn, now: number): string | number | null {
  switch (column) {
    case "officer":
      return row.officerName?.toLocaleLowerCase() ?? null;
    case "language":
      return row.language.toLocaleLowerCase();
    case "waited":
      return waitedMs(row, now);
    case "with-officer":
      return withOfficerMs(row, now);
    case "last-activity":
      return sinceVictimWroteMs(row, now);
    case "risk":
      return GRADE_ORDER.indexOf(row.grade) * 1000 + row.answered;
  }
}

export function sortRows(rows: readonly LiveChatRow[], sort: Sort, now: number): LiveChatRow[] {
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column, now);
    const y = sortValue(b, sort.column, now);
    if (x === y) return a.startedAt - b.startedAt;
    if (x === null) return -direction;
    if (y === null) return direction;
    return (x < y ? -1 : 1) * direction;
  });
}

/** "45 s", "4 min 5 s", "1 h 4 min": read in a glance, changing while the supervisor watches. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
