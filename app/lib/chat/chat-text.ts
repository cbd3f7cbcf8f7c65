/**
 * The words the chat panel shows, from its reader's point of view. The victim's come from
 * their chosen language; the console's are English, written for the officer.
 */
import type { EndReason } from "$shared/protocol";
import { SENDER_LABEL } from "../deployment";
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
  /** The officer gave more time, with `{time}`: when it runs out. */
  moreTime: string;
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
  /** Staff only: a language's name in English ("Farsi" for "fa"); the victim's page shows none. */
  languageName: ((tag: string) => string) | null;
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
    // Neutral for anyone glancing at the screen: "Support" unless the deployment names it.
    officerName: SENDER_LABEL ?? m.sender,
    otherTyping: m.officerTyping,
    otherOffline: m.officerOffline,
    inactivity: m.stillThere,
    stillHere: m.stillHere,
    moreTime: m.moreTime,
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
    languageName: null,
  };
}
