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

/** Presses of Shift on its own that leave the page. */
export const SHIFT_PRESSES = 3;

/**
 * Calls `onTriple` when Shift is pressed and released on its own three times in a row, and
 * `onCount` with each press counted so far (0 when the count starts again), for the cue that
 * shows it, as GOV.UK's "Exit this page" does. Shift held for a capital letter (or any other
 * key) does not count and starts the count again, so typing never triggers it. Returns the
 * function that stops watching.
 */
export function watchShiftPresses(
  target: Window,
  onTriple: () => void,
  onCount: (presses: number) => void = () => {},
): () => void {
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
    count(0);
  };
  const count = (value: number) => {
    if (value !== presses) onCount(value);
    presses = value;
  };
  const keyup = (event: KeyboardEvent) => {
    if (event.key !== "Shift") return;
    shiftHeld = false;
    if (usedAsModifier) return;
    clearTimeout(timer);
    if (presses + 1 >= SHIFT_PRESSES) {
      presses = 0;
      onTriple();
      return;
    }
    count(presses + 1);
    timer = setTimeout(() => count(0), SHIFT_WINDOW_MS);
  };
  target.addEventListener("keydown", keydown, true);
  target.addEventListener("keyup", keyup, true);
  return () => {
    clearTimeout(timer);
    target.removeEventListener("keydown", keydown, true);
    target.removeEventListener("keyup", keyup, true);
  };
}

const TYPED_INPUT = /^(?:text|search|email|tel|url|password|number)$/;

/**
 * Whether this Escape leaves the page. Not inside a text field, where Escape closes an
 * autocomplete list or undoes what is being typed, and never while an input method is composing
 * (Chinese, Japanese, Korean, many phone keyboards), where it cancels the composition: GOV.UK's
 * "Exit this page" leaves Escape out altogether for these reasons. Shift three times works anywhere.
 */
export function escapeLeaves(event: KeyboardEvent): boolean {
  if (event.key !== "Escape" || event.isComposing || event.keyCode === 229) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
  return !(target instanceof HTMLInputElement && TYPED_INPUT.test(target.type));
}
