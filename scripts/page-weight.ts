/**
 * The victim page's first-load weight, measured from the production build the way a phone
 * gets it: Debian's Chromium loads `/` from a plain static server over app/build, every file it
 * asks for is counted, compressed as Cloudflare would send it (gzip and Brotli). Then it presses
 * a key, as a victim about to start a chat would, and weighs apart what that fetches (the chat's
 * code, app/lib/chat/chat-code.ts): it is not part of the first load.
 *
 *   npm run size            prints the table
 *   npm run size -- --check also fails if the Brotli total is over the budget (45 KB, for the
 *                           heavier of English and Arabic); Brotli is what Cloudflare sends
 *                           browsers that accept it (every current one)
 *   npm run size -- --files also lists every file it loaded, heaviest first
 *   npm run size -- --json  prints JSON (for the benchmark report)
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { root } from "./wrangler.ts";

export const BUDGET_BYTES = 45 * 1024;
const BUILD = join(root, "app/build");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

interface Files {
  files: { path: string; type: string; raw: number; gzip: number; brotli: number }[];
  total: { raw: number; gzip: number; brotli: number };
}

export interface Weight extends Files {
  locale: string;
  /** Not part of the first load: what the page fetches when the victim first presses a key (the chat's code). */
  onFirstKey: Files;
}

function weigh(paths: Iterable<string>): Files {
  const files = [...paths].sort().map((path) => {
    const file = fileFor(path);
    const body = readFileSync(file);
    return {
      path,
      type: extname(file).slice(1) || "html",
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const sum = (key: "raw" | "gzip" | "brotli") => files.reduce((total, f) => total + f[key], 0);
  return { files, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
}

function fileFor(urlPath: string): string {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(BUILD, path);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(BUILD, "index.html");
}

export async function measure(locale: string): Promise<Weight> {
  if (!existsSync(join(BUILD, "index.html"))) throw new Error("No build: run `npm run build` first.");
  const server = createServer((request, response) => {
    const file = fileFor(new URL(request.url ?? "/", "http://localhost").pathname);
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await (await browser.newContext({ locale })).newPage();
    let requested = new Set<string>();
    let lastRequestAt = Date.now();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === origin && !url.pathname.startsWith("/api/")) requested.add(url.pathname);
      lastRequestAt = Date.now();
    });
    await page.goto(`${origin}/`, { waitUntil: "networkidle" });
    await page.locator("#language").waitFor();
    const firstLoad = weigh(requested);
    // Then the victim presses a key (Tab): the page fetches the chat's code. Counted apart.
    requested = new Set();
    await page.keyboard.press("Tab");
    const pressedAt = Date.now();
    while (Date.now() - Math.max(lastRequestAt, pressedAt) < 1_000) await page.waitForTimeout(100);
    return { locale, ...firstLoad, onFirstKey: weigh(requested) };
  } finally {
    await browser.close();
    server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function byType(weight: Weight) {
  const types = new Map<string, { gzip: number; brotli: number; files: number }>();
  for (const f of weight.files) {
    const entry = types.get(f.type) ?? { gzip: 0, brotli: 0, files: 0 };
    types.set(f.type, { gzip: entry.gzip + f.gzip, brotli: entry.brotli + f.brotli, files: entry.files + 1 });
  }
  return types;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { check: { type: "boolean" }, json: { type: "boolean" }, files: { type: "boolean" } } });
  const weights = [await measure("en-GB"), await measure("ar")];
  if (values.json) console.log(JSON.stringify(weights, null, 2));
  else {
    for (const weight of weights) {
      console.log(`\nVictim page first load, browser language ${weight.locale}: ${weight.files.length} files`);
      for (const [type, t] of byType(weight)) console.log(`  ${type.padEnd(5)} ${String(t.files).padStart(2)} files  gzip ${kb(t.gzip).padStart(9)}  brotli ${kb(t.brotli).padStart(9)}`);
      console.log(`  total             gzip ${kb(weight.total.gzip).padStart(9)}  brotli ${kb(weight.total.brotli).padStart(9)}  (uncompressed ${kb(weight.total.raw)})`);
      if (values.files) {
        for (const f of [...weight.files].sort((a, b) => b.brotli - a.brotli)) console.log(`    ${kb(f.brotli).padStart(9)}  ${f.path}`);
      }
      const later = weight.onFirstKey;
      console.log(`  then, on the first key or touch (the chat's code, not in the first load): ${later.files.length} files, brotli ${kb(later.total.brotli)}`);
      if (values.files) {
        for (const f of [...later.files].sort((a, b) => b.brotli - a.brotli)) console.log(`    ${kb(f.brotli).padStart(9)}  ${f.path}`);
      }
    }
  }
  const heaviest = Math.max(...weights.map((w) => w.total.brotli));
  if (values.check && heaviest > BUDGET_BYTES) {
    console.error(`\nOver budget: ${kb(heaviest)} Brotli against ${kb(BUDGET_BYTES)}.`);
    process.exit(1);
  }
}
