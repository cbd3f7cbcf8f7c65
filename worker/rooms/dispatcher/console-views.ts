/**
 * What the Dispatcher shows the consoles: the queue, each officer's own view, and the overview
 * for senior staff. Pure: built from what the Dispatcher has read, so every console sees one
 * picture per publish.
 */
import type { DispatcherServerFrame, OfficerSummary, WatchedChat } from "../../shared/protocol";
import type { Assignment, QueueEntry } from "./dispatcher-store";

/** Who is there to answer: officers on duty (connected, not away), and the chats they could take now. */
export interface Staffing {
  onDuty: OfficerSummary[];
  freeSlots: number;
}

export function staffingOf(officers: OfficerSummary[]): Staffing {
  return {
    onDuty: officers.filter((o) => o.connected && o.status !== "away"),
    freeSlots: officers
      .filter((o) => o.connected && o.status === "available")
      .reduce((slots, o) => slots + Math.max(0, o.capacity - o.load), 0),
  };
}

export function queueFrame(waiting: QueueEntry[]): DispatcherServerFrame {
  return {
    type: "queue",
    waiting: waiting.map((w, i) => ({
      conversationId: w.conversationId,
      waitingSince: w.waitingSince,
      priority: w.priority,
      priorityReason: w.priorityReason,
      returned: w.returned,
      position: i + 1,
    })),
  };
}

export function overviewFrame(active: Assignment[], officers: OfficerSummary[], chats: WatchedChat[]): DispatcherServerFrame {
  return { type: "overview", active, officers, chats };
}

/** One officer's own view: their status and load, their chats, and colleagues to transfer to. */
export function meFrame(
  officerId: string,
  officers: OfficerSummary[],
  theirs: Assignment[],
  defaultCapacity: number,
): DispatcherServerFrame {
  const me = officers.find((o) => o.officerId === officerId);
  return {
    type: "me",
    status: me?.status ?? "available",
    load: me?.load ?? 0,
    capacity: me?.capacity ?? defaultCapacity,
    conversations: theirs.map((a) => a.conversationId),
    colleagues: officers
      .filter((o) => o.officerId !== officerId && o.connected)
      .map(({ officerId: id, displayName, status }) => ({ officerId: id, displayName, status })),
  };
}
