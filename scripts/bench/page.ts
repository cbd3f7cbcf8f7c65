/**
 * The victim page's first-load weight from the production build, compressed, by type: what
 * `npm run size` measures (scripts/page-weight.ts: Chromium loads `/` from app/build and every
 * file it asks for is compressed as Cloudflare would send it), for an English and an Arabic
 * browser. Bytes of a given build do not vary, so one load per language is the figure.
 *
 *   npm run bench -- --only page
 */
import { parseArgs } from "node:util";
import { BUDGET_BYTES, byType, measure } from "../page-weight.ts";
import { markdownTable, writeBenchmarksSection, writeResults } from "./measure.ts";

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export async function pageBenchmark(options: { short: boolean }): Promise<void> {
  const weights = [await measure("en-GB"), await measure("ar")];
  const rows: (string | number)[][] = [];
  for (const weight of weights) {
    for (const [type, t] of byType(weight)) rows.push([weight.locale, type, t.files, kb(t.gzip), kb(t.brotli)]);
    rows.push([weight.locale, "**total**", weight.files.length, `**${kb(weight.total.gzip)}**`, `**${kb(weight.total.brotli)}**`]);
  }
  const table = markdownTable(["browser language", "type", "files", "gzip KB", "Brotli KB"], rows);
  const heaviest = Math.max(...weights.map((w) => w.total.brotli));
  const chatCode = Math.max(...weights.map((w) => w.onFirstKey.total.brotli));
  const summary =
    `The heavier first load is ${kb(heaviest)} KB with Brotli, against a budget of ${kb(BUDGET_BYTES)} KB (\`npm run size -- --check\`). ` +
    `The chat's code, fetched on the victim's first key or touch (or when a chat starts), is ${kb(chatCode)} KB more.`;
  console.log(`\nVictim page first load\n\n${table}\n\n${summary}\n`);
  const path = writeResults("page", { at: new Date().toISOString(), budgetBytes: BUDGET_BYTES, weights });
  console.log(`Written to ${path}`);
  if (!options.short) writeBenchmarksSection("page", `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.\n\n${table}\n\n${summary}`);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await pageBenchmark({ short: values.short });
}
