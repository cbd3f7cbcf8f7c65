/**
 * Quick exit: leave at once and leave nothing the page controls behind.
 *
 * In this order, all synchronous but the cache sweep: the page is blanked; everything it holds
 * is erased (the chat in memory, sessionStorage, any Cache Storage); the conversation is told by
 * a beacon, which the browser delivers even as the page goes; the tab is replaced by a neutral
 * site with `location.replace`, so Back does not come here.
 */
import { NEUTRAL_SITE } from "../deployment";

export interface QuickExitHooks {
  /** The beacon to send, captured before anything is erased; null when there is no chat. */
  beacon: { url: string; body: string } | null;
  /** Drops everything the page holds about the chat. */
  forget: () => void;
}

export function quickExit(hooks: QuickExitHooks, destination = NEUTRAL_SITE): void {
  document.documentElement.style.display = "none";
  document.title = "";
  try {
    hooks.forget();
    sessionStorage.clear();
    if ("caches" in window) void caches.keys().then((keys) => keys.forEach((key) => void caches.delete(key)));
  } finally {
    if (hooks.beacon) {
      navigator.sendBeacon(hooks.beacon.url, new Blob([hooks.beacon.body], { type: "text/plain" }));
    }
    location.replace(destination);
  }
}

/** How long three presses of Shift may take, as in GOV.UK's "Exit this page". */
const SHIFT_WINDOW_MS = 5_000;

/**
 * Calls `onTriple` when Shift is pressed and released on its own three times in a row.
 * Shift held for a capital letter (or any other key) does not count and starts the count again,
 * so typing never triggers it. Returns the function that stops watching.
 */
export function watchShiftPresses(target: Window, onTriple: () => void): () => void {
  let presses = 0;
  let shiftHeld = false;
  let usedAsModifier = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const keydown = (event: KeyboardEvent) => {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftHeld = true;
        usedAsModifier = false;
      }
      return;
    }
    if (shiftHeld) usedAsModifier = true;
    presses = 0;
  };
  const keyup = (event: KeyboardEvent) => {
    if (event.key !== "Shift") return;
    shiftHeld = false;
    if (usedAsModifier) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(() => (presses = 0), SHIFT_WINDOW_MS);
    if (presses >= 3) {
      presses = 0;
      onTriple();
    }
  };
  target.addEventListener("keydown", keydown, true);
  target.addEventListener("keyup", keyup, true);
  return () => {
    clearTimeout(timer);
    target.removeEventListener("keydown", keydown, true);
    target.removeEventListener("keyup", keyup, true);
  };
}
