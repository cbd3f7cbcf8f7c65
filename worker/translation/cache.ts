/** Translations already made, in D1, keyed by a digest of who translated what into what. */
import { eq } from "drizzle-orm";
import { database } from "../db/client";
import { translationCache } from "../db/schema";
import { sha256Hex } from "../auth/secrets";
import type { TranslationRequest, TranslationResult } from "./provider";

export interface TranslationCache {
  get(provider: string, request: TranslationRequest): Promise<TranslationResult | null>;
  put(provider: string, request: TranslationRequest, result: TranslationResult): Promise<void>;
}

const keyFor = (provider: string, r: TranslationRequest) =>
  sha256Hex(JSON.stringify([provider, r.from ?? "auto", r.to, r.text]));

export function d1TranslationCache(db: D1Database): TranslationCache {
  return {
    async get(provider, request) {
      const row = (
        await database(db)
          .select()
          .from(translationCache)
          .where(eq(translationCache.key, await keyFor(provider, request)))
          .limit(1)
      )[0];
      return row ? { text: row.text, model: row.model, detected: null } : null;
    },
    async put(provider, request, result) {
      await database(db)
        .insert(translationCache)
        .values({ key: await keyFor(provider, request), text: result.text, model: result.model, createdAt: Date.now() })
        .onConflictDoNothing();
    },
  };
}
