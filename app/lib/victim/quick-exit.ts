/** Where quick exit sends the tab: an ordinary, neutral page. */
export const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";

/**
 * Leaves at once: the page is blanked before anything else, then the tab is replaced so Back
 * does not return here. `forget` drops everything the page holds about the chat.
 */
export function quickExit(forget: () => void): void {
  document.body.style.visibility = "hidden";
  document.title = "";
  try {
    forget();
    sessionStorage.clear();
  } finally {
    location.replace(NEUTRAL_SITE);
  }
}
