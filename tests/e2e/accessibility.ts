/** axe-core, run in the page as it is now, against WCAG 2.2 AA. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The accessibility problems axe-core finds, one line each; with `seriousOnly`, only the
 * serious and critical ones.
 */
export async function accessibilityProblems(page: Page, options: { seriousOnly?: boolean } = {}): Promise<string[]> {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The page's CSP refuses inline scripts; evaluate the library instead.
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
  });
  return result.violations
    .filter((v) => !options.seriousOnly || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
