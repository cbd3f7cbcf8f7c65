/**
 * Checks a sealed transcript, anywhere, without the service: the hash chain, the seal, every
 * view against the chain, and (if given) the file's SHA-256 against the one recorded when it was
 * sealed, which the console shows and the export sends as X-Content-SHA256.
 *
 *   npm run verify -- transcript.json [--addenda addenda.json] [--sha256 <hex>]
 *
 * Exits 0 when everything holds, 1 when anything fails (naming the first entry or part that
 * does), 2 when the command is used wrongly or a file cannot be read.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TranscriptDocument } from "../worker/shared/record/transcript.ts";
import { verifyAddenda, verifyTranscript } from "../worker/transcripts/verify.ts";

function readJson(path: string): { text: string; value: unknown } {
  const text = readFileSync(path, "utf8");
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new Error(`${path} is not JSON, so it is not a quietline transcript.`);
  }
}

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { addenda: { type: "string" }, sha256: { type: "string" } },
  });
  if (positionals.length !== 1) {
    console.error("Usage: npm run verify -- transcript.json [--addenda addenda.json] [--sha256 <hex>]");
    return 2;
  }
  const path = positionals[0]!;
  let transcript, addenda;
  try {
    transcript = readJson(path);
    addenda = values.addenda ? readJson(values.addenda) : null;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const verdict = verifyTranscript(transcript.value, { fileText: transcript.text, expectedSha256: values.sha256 });
  console.log(`File:          ${path}`);
  console.log(`SHA-256:       ${verdict.fileSha256}`);
  if (verdict.conversationId) console.log(`Conversation:  ${verdict.conversationId}`);
  console.log(`Entries:       ${verdict.entries}`);
  if (!verdict.ok) {
    console.log(`FAILED${verdict.failingEntry === null ? "" : ` at entry ${verdict.failingEntry}`}:`);
    for (const problem of verdict.problems) console.log(`  ${problem}`);
    return 1;
  }
  console.log(values.sha256 ? "Seal:          intact, and the file is the one recorded" : "Seal:          intact");

  if (addenda) {
    const checked = verifyAddenda(transcript.value as TranscriptDocument, addenda.value);
    console.log(`Addenda:       ${checked.entries} entries in ${values.addenda}`);
    if (!checked.ok) {
      console.log(`FAILED${checked.failingEntry === null ? "" : ` at entry ${checked.failingEntry}`}:`);
      for (const problem of checked.problems) console.log(`  ${problem}`);
      return 1;
    }
    console.log("Addenda chain: intact");
  }
  console.log("OK: the transcript has not been changed since it was sealed.");
  return 0;
}

process.exitCode = main();
