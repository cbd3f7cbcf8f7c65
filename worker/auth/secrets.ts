/**
 * Unguessable identifiers and their digests. Conversation ids, victim tokens, connection
 * tickets and session cookies all come from here, so every identifier that reaches a client
 * carries at least 128 random bits and only a digest of a secret is ever stored.
 */

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `bytes` random bytes as URL-safe base64 (16 bytes → 22 characters). */
export function randomId(bytes = 16): string {
  if (bytes < 16) throw new RangeError("identifiers need at least 128 random bits");
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A 256-bit secret: victim tokens, tickets and session cookies. */
export function randomSecret(): string {
  return randomId(32);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two digests in time that does not depend on where they first differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
