/**
 * Asks a Workers AI text model for a reply in a given JSON shape and checks it before anyone
 * uses it. Workers AI's JSON mode takes `response_format: { type: "json_schema", json_schema }`
 * and answers `{ response: <object> }`; when the model cannot meet the schema it may answer with
 * text, or fail. So: the reply is parsed if it is text, validated by the caller's parser, and a
 * reply that does not fit is asked for once more; a rate limit is waited out and retried; every
 * attempt has its own deadline. What fails says why in a code and a sentence for the officer.
 */
import type { AiRunner } from "../../translation/workers-ai";

export type AssistErrorCode = "timeout" | "rate-limited" | "failed" | "invalid-reply";

export class AssistError extends Error {
  constructor(
    readonly code: AssistErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface JsonRequest {
  system: string;
  user: string;
  /** A JSON Schema for the reply. */
  schema: Record<string, unknown>;
}

export interface AskOptions {
  timeoutMs: number;
  attempts: number;
  /** First wait after a rate limit; doubled each time. */
  backoffMs: number;
}

export const DEFAULT_ASK: AskOptions = { timeoutMs: 20_000, attempts: 2, backoffMs: 500 };

export async function askForJson<T>(
  runner: AiRunner,
  model: string,
  request: JsonRequest,
  parse: (value: unknown) => T | null,
  options: AskOptions = DEFAULT_ASK,
): Promise<T> {
  let last = new AssistError("failed", "The model gave no answer.");
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0 && last.code === "rate-limited") await sleep(options.backoffMs * 2 ** (attempt - 1));
    try {
      const output = await runWithDeadline(runner, model, request, options.timeoutMs);
      const parsed = parse(replyOf(output));
      if (parsed !== null) return parsed;
      last = new AssistError("invalid-reply", "The model's answer was not in the form asked for.");
    } catch (error) {
      last = classify(error);
      if (last.code === "failed") break;
    }
  }
  throw last;
}

async function runWithDeadline(runner: AiRunner, model: string, request: JsonRequest, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AssistError("timeout", "The model took too long to answer."));
    }, timeoutMs);
  });
  try {
    const call = runner.run(
      model,
      {
        messages: [
          { role: "system", content: request.system },
          { role: "user", content: request.user },
        ],
        response_format: { type: "json_schema", json_schema: request.schema },
        temperature: 0,
        max_tokens: 2048,
      },
      { signal: controller.signal },
    );
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** `{ response: object }` as documented; `{ response: "<json>" }` when the model wrote it as text. */
function replyOf(output: unknown): unknown {
  if (typeof output !== "object" || output === null || !("response" in output)) return null;
  const response = (output as { response: unknown }).response;
  if (typeof response !== "string") return response;
  try {
    return JSON.parse(response) as unknown;
  } catch {
    return null;
  }
}

function classify(error: unknown): AssistError {
  if (error instanceof AssistError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/\b429\b|3040|rate limit|capacity/i.test(message)) return new AssistError("rate-limited", "The model is busy. Try again in a minute.");
  return new AssistError("failed", "The model could not be reached.");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
