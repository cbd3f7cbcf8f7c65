/**
 * How well the risk-cue word lists (worker/assist/risk-cues/) read victims' messages, and what
 * reading costs: precision and recall over (message, indicator) pairs on the labelled examples in
 * tests/unit/risk-cue-examples.ts, for the set the lists were built against and for the held-out
 * set they were never tuned on; and microseconds per message.
 *
 *   npm run bench -- --only risk-cues
 *
 * A full run rewrites the generated part of BENCHMARKS.md's "Risk cues" section.
 */
import { loadavg } from "node:os";
import { findRiskCues } from "../../worker/assist/risk-cues/find-cues.ts";
import { HELD_OUT, TUNING, type CueExample } from "../../tests/unit/risk-cue-examples.ts";
import { machine, machineLine, markdownTable, summarise, writeBenchmarksSection, writeResults } from "./measure.ts";

interface Score {
  examples: number;
  expected: number;
  truePositives: number;
  falsePositives: number;
  /** Found the indicator, but in other words than the label's. */
  otherWords: number;
  precision: number;
  recall: number;
  falseAlarms: string[];
  missed: string[];
}

function read(example: CueExample) {
  return findRiskCues({
    text: example.text,
    language: example.language,
    translation: example.translation ? { text: example.translation, language: "en" } : null,
  });
}

function score(examples: readonly CueExample[]): Score {
  let expected = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let otherWords = 0;
  const falseAlarms: string[] = [];
  const missed: string[] = [];
  for (const example of examples) {
    const found = new Map(read(example).map((cue) => [cue.indicator, cue.words]));
    for (const [indicator, words] of Object.entries(example.cues)) {
      expected += 1;
      if (!found.has(indicator as never)) missed.push(`${indicator}: ${example.text}`);
      else {
        truePositives += 1;
        if (found.get(indicator as never) !== words) otherWords += 1;
      }
    }
    for (const [indicator, words] of found) {
      if (!(indicator in example.cues)) {
        falsePositives += 1;
        falseAlarms.push(`${indicator} ("${words}"): ${example.text}`);
      }
    }
  }
  return {
    examples: examples.length,
    expected,
    truePositives,
    falsePositives,
    otherWords,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, expected),
    falseAlarms,
    missed,
  };
}

function microsecondsPerMessage(examples: readonly CueExample[], rounds: number) {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const example of examples) read(example);
    samples.push(((performance.now() - started) * 1000) / examples.length);
  }
  return summarise(samples);
}

export async function riskCuesBenchmark({ short }: { short: boolean }): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const sets = { "built against (TUNING)": score(TUNING), "held out (HELD_OUT)": score(HELD_OUT) };
  const cost = microsecondsPerMessage([...TUNING, ...HELD_OUT], short ? 50 : 500);
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
  const table = markdownTable(
    ["set", "messages", "indicators labelled", "found", "false alarms", "found in other words", "precision", "recall"],
    Object.entries(sets).map(([name, s]) => [name, s.examples, s.expected, s.truePositives, s.falsePositives, s.otherWords, percent(s.precision), percent(s.recall)]),
  );
  const details = Object.entries(sets)
    .flatMap(([name, s]) => [
      ...s.missed.map((line) => `- ${name}, missed: ${line}`),
      ...s.falseAlarms.map((line) => `- ${name}, false alarm: ${line}`),
    ])
    .join("\n");
  const markdown = [
    machineLine(machine(), loadBefore),
    "",
    table,
    "",
    details || "- nothing missed and no false alarms",
    "",
    `Reading one message (original and translation), ${cost.runs} rounds over every example: median ${cost.medianMs.toFixed(1)} µs, p90 ${cost.p90Ms.toFixed(1)} µs (figures in µs, not ms).`,
  ].join("\n");
  console.log(markdown);
  writeResults("risk-cues", { sets, microsecondsPerMessage: cost });
  if (!short) writeBenchmarksSection("risk-cues", markdown);
}
