/**
 * Staying safe online, step by step, in the browsers victims use most: Chrome and Samsung
 * Internet on Android, Safari on iPhone. One file per language (its tag, lower case), loaded only
 * when the safe-browsing page is opened, so none of it weighs on the chat's first load. Menu
 * names are the browsers' own; check them against each browser in that language.
 */
export interface BrowserSteps {
  chrome: string;
  samsung: string;
  safari: string;
  /** Why to remove only this site, not all history. */
  allHistory: string;
}

export const steps: BrowserSteps = {
  chrome: "Private tab: ⋮ → New Incognito tab. To remove this site afterwards: ⋮ → History, then ✕ beside each entry for this site.",
  samsung: "Private tab: Tabs → Turn on Secret mode. To remove this site afterwards: ≡ → History, press and hold an entry for this site → Delete.",
  safari: "Private tab: Tabs → Private. To remove this site afterwards: Bookmarks (book icon) → History (clock), swipe left on each entry for this site → Delete.",
  allHistory: "Remove only this site, not all your history: an empty history, or being signed out of every site, can itself make someone suspicious.",
};
