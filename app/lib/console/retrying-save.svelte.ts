/**
 * Saving one thing an officer writes in the console (a note, the outcome, a DASH answer): the
 * save is shown as it goes, and one that fails is tried again with a growing wait until the
 * server takes it, so nothing the officer wrote is dropped without them seeing it.
 *
 * **The latest change wins**: a change made while an earlier one is waiting to be tried again
 * replaces it, and one made while a save is on its way is sent when that answers.
 *
 * Hand-written rather than a retry library: the page needs to show each state (and to let the
 * officer press Retry), which is most of these few lines, and the console's weight stays small.
 */
import { ApiFailure } from "../api";

export type SaveStatus = "idle" | "changed" | "saving" | "saved" | "retrying" | "refused";

export interface SaveJob<T> {
  send: () => Promise<T>;
  /** Called with the server's answer once this change is stored. */
  saved?: (value: T) => void;
}

/** Waits before each retry: 1 s, 2 s, 4 s … up to 30 s, with a little jitter so tabs spread out. */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * A refusal the same request will always get again (not valid, not yours, erased). Anything else
 * (offline, signed out, the record being sealed, a server error) may pass on a later try.
 */
function isFinal(error: unknown): boolean {
  return error instanceof ApiFailure && [400, 403, 404, 410, 413, 422].includes(error.status);
}

export class RetryingSave<T> {
  status = $state<SaveStatus>("idle");
  /** What went wrong, in the server's words, while the change is not saved. */
  problem = $state<string | null>(null);
  /** When the next try is due, while retrying. */
  retryAt = $state<number | null>(null);

  #job: SaveJob<T> | null = null;
  #sending = false;
  #attempts = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The officer is changing the field: it will be saved when they pause or leave it. */
  changed(): void {
    if (this.status === "idle" || this.status === "saved") this.status = "changed";
  }

  /** The field went back to what is stored: nothing to save after all. */
  unchanged(): void {
    if (this.status === "changed") this.status = "saved";
  }

  save(job: SaveJob<T>): void {
    this.#job = job;
    this.#attempts = 0;
    this.#sendNow();
  }

  /** The officer pressed Retry: try the waiting change at once. */
  retry(): void {
    if (this.#job) this.#sendNow();
  }

  #sendNow(): void {
    clearTimeout(this.#timer);
    this.retryAt = null;
    void this.#send();
  }

  async #send(): Promise<void> {
    const job = this.#job;
    if (this.#sending || !job) return;
    this.#sending = true;
    this.status = "saving";
    try {
      const value = await job.send();
      if (this.#job === job) {
        this.#job = null;
        this.#attempts = 0;
        this.status = "saved";
        this.problem = null;
      }
      job.saved?.(value);
    } catch (error) {
      if (this.#job === job) this.#failed(error);
    } finally {
      this.#sending = false;
    }
    // A newer change came while this one was on its way.
    if (this.#job && this.#job !== job) void this.#send();
  }

  #failed(error: unknown): void {
    this.problem = error instanceof ApiFailure ? error.message : "It could not be saved.";
    if (isFinal(error)) {
      this.status = "refused";
      return;
    }
    this.status = "retrying";
    const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#attempts++) + Math.random() * 250;
    this.retryAt = Date.now() + wait;
    this.#timer = setTimeout(() => this.#sendNow(), wait);
  }
}
