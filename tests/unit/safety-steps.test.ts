/**
 * Staying safe online has its browser steps in every language the page speaks, each a full
 * sentence set with nothing left empty.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../app/lib/i18n/languages";
import type { BrowserSteps } from "../../app/routes/(victim)/safe-browsing/steps/en";

describe("the browser steps on Staying safe online", () => {
  it.each(LANGUAGES.map((l) => [l.tag] as const))("%s: Chrome, Samsung Internet, Safari, and why not to clear everything", async (tag) => {
    const { steps } = (await import(`../../app/routes/(victim)/safe-browsing/steps/${tag.toLowerCase()}.ts`)) as { steps: BrowserSteps };
    expect(Object.keys(steps).sort()).toEqual(["allHistory", "chrome", "safari", "samsung"]);
    for (const text of Object.values(steps)) expect(text.trim().length).toBeGreaterThan(40);
  });
});
