/**
 * The version this Worker was built from, for the health check: package.json's version, and the
 * commit when the deploy gave one (`wrangler deploy --define QUIETLINE_COMMIT:'"<sha>"'`), as
 * semver build metadata: "0.1.0+1a2b3c4". Both are fixed when the bundle is built, so every
 * request of one deployment answers the same.
 */
import { version as packageVersion } from "../package.json";

/** Replaced by wrangler's `--define` at build time; absent otherwise (`npm start`, tests). */
declare const QUIETLINE_COMMIT: string | undefined;

const commit = typeof QUIETLINE_COMMIT === "string" ? QUIETLINE_COMMIT : "";

// A commit id or tag only: anything else is left out rather than shown to monitoring.
export const BUILD_VERSION: string = /^[0-9A-Za-z.-]{1,40}$/.test(commit) ? `${packageVersion}+${commit}` : packageVersion;
