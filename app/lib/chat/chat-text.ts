/**
 * The words the chat panel shows, from its reader's point of view. The victim's come from
 * their chosen language; the console's are English, written for the officer.
 */
import type { EndReason } from "$shared/protocol";
import type { Messages } from "../i18n/en";

export interface ChatText {
  connecting: string;
  reconnecting: string;
  messages: string;
  message: string;
  send: string;
  sending: string;
  /** Under this reader's newest message the other side has read. */
  readByOther: string;
  you: string;
  /** Names in the log for messages not written by this reader. */
  victimName: string;
  officerName: string;
  otherTyping: string;
  otherOffline: string;
  /** The inactivity question, with `{time}`. */
  inactivity: string;
  stillHere: string | null;
  endChat: string;
  endConfirm: string;
  endYes: string;
  endNo: string;
  tooManyPending: string;
  sendingTooFast: string;
  notFound: string;
  officerChanged: string | null;
  returnedToQueue: string | null;
  endedByYou: string;
  ended: (reason: EndReason | null) => string;
  translationOff: string;
  translating: string;
  notTranslated: string;
  original: string;
  /** Staff only: the button that asks again for a failed translation. */
  retryTranslation: string | null;
}

export function victimChatText(m: Messages): ChatText {
  return {
    connecting: m.connecting,
    reconnecting: m.reconnecting,
    messages: m.messages,
    message: m.message,
    send: m.send,
    sending: m.sending,
    readByOther: m.readByOfficer,
    you: m.you,
    victimName: m.you,
    officerName: m.officer,
    otherTyping: m.officerTyping,
    otherOffline: m.officerOffline,
    inactivity: m.stillThere,
    stillHere: m.stillHere,
    endChat: m.endChat,
    endConfirm: m.endConfirm,
    endYes: m.endYes,
    endNo: m.endNo,
    tooManyPending: m.tooManyPending,
    sendingTooFast: m.sendingTooFast,
    notFound: m.notFound,
    officerChanged: m.officerChanged,
    returnedToQueue: m.returnedToQueue,
    endedByYou: m.endedByYou,
    ended: (reason) =>
      reason === "officer-ended" ? m.endedByOfficer : reason === "inactive" ? m.endedInactive : m.ended,
    translationOff: m.translationOff,
    translating: m.translating,
    notTranslated: m.notTranslated,
    original: m.original,
    retryTranslation: null,
  };
}

const officerEndings: Record<EndReason, string> = {
  "victim-ended": "The victim has ended this chat.",
  "officer-ended": "This chat has ended.",
  inactive: "This chat closed because the victim did not answer for a while.",
  abandoned: "The victim left before an officer joined.",
  "quick-exit": "The victim left using Quick exit. They may not be safe to contact.",
  "left-quietly": "The victim left quietly. They may not be safe to contact.",
  "ended-as-abusive": "You ended this chat as abusive.",
};

export const officerChatText: ChatText = {
  connecting: "Connecting…",
  reconnecting: "Reconnecting… your messages will be sent when the connection is back.",
  messages: "Messages",
  message: "Message",
  send: "Send",
  sending: "Sending…",
  readByOther: "Read",
  you: "You",
  victimName: "Victim",
  officerName: "Officer",
  otherTyping: "The victim is typing…",
  otherOffline: "The victim is offline. They will see your messages if they come back.",
  inactivity: "The victim has been asked whether they are still there. The chat closes at {time} unless they answer.",
  stillHere: null,
  endChat: "End chat",
  endConfirm: "End this chat?",
  endYes: "Yes, end chat",
  endNo: "No, keep chatting",
  tooManyPending: "Too many messages are waiting to be sent. Please wait for the connection to come back.",
  sendingTooFast: "You are sending messages very quickly. Wait a few seconds; they will be sent.",
  notFound: "This chat could not be found.",
  officerChanged: null,
  returnedToQueue: null,
  endedByYou: "You ended this chat.",
  ended: (reason) => (reason ? officerEndings[reason] : "This chat has ended."),
  translationOff: "Translation is off in this service: messages are shown as written.",
  translating: "Translating…",
  notTranslated: "Not translated",
  original: "Original",
  retryTranslation: "Retry translation",
};
