/**
 * The newest message in view when the page itself is the one scrolling area (the victim's
 * phone), with the message box kept at the bottom of the screen by `position: sticky`: the
 * newest message sits just above the box after each new message, and again when the window gets
 * shorter (a phone's keyboard coming up) if the reader was following. Someone who scrolled back
 * to read stays where they are until the next message.
 */
export interface Follower {
  /** Scrolls the page so the newest message is just above the message box. */
  toNewest(): void;
  stop(): void;
}

export function followNewest(newest: () => Element | null | undefined, box: () => HTMLElement | undefined): Follower {
  let following = true;
  let height = innerHeight;

  /** How far up from the bottom of the window the message box (and anything under it) reaches. */
  const covered = () => {
    const element = box();
    if (!element) return 0;
    const top = element.getBoundingClientRect().top;
    // A box scrolled into its place in the page covers less than one stuck to the bottom.
    return Math.max(0, Math.min(innerHeight - top, element.offsetHeight + (parseFloat(getComputedStyle(element).bottom) || 0)));
  };
  const gap = () => innerHeight - covered() - (newest()?.getBoundingClientRect().bottom ?? 0);

  const toNewest = () => {
    if (newest()) window.scrollBy({ top: -gap() + 8, behavior: "instant" });
    following = true;
  };
  const onScroll = () => {
    // A scroll that comes with a resize is the browser's, not the reader's.
    if (innerHeight === height) following = gap() >= 0;
  };
  const onResize = () => {
    height = innerHeight;
    if (following) toNewest();
  };
  addEventListener("scroll", onScroll, { passive: true });
  addEventListener("resize", onResize);
  return {
    toNewest,
    stop() {
      removeEventListener("scroll", onScroll);
      removeEventListener("resize", onResize);
    },
  };
}
