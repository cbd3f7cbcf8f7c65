/**
 * Where a request comes from, as a keyed hash: the only form in which quietline ever keeps or
 * compares a caller's network address. The address itself is never stored or logged.
 *
 * The key is the secret SOURCE_KEY (`wrangler secret put SOURCE_KEY`, 32 characters or more).
 * Without it, hashes use a key made up by this Worker instance: rate limits still work, but
 * blocks cannot be made, because a block must still match after the instance is replaced.
 */

/** The caller's address as Cloudflare's edge saw it. Absent only off Cloudflare (tests, scripts). */
function callerAddress(request: Request): string | null {
  const address = request.headers.get("CF-Connecting-IP")?.trim();
  return address ? address : null;
}

/**
 * One person on IPv6 usually holds a whole /64, so an IPv6 address counts as its first four
 * groups; an IPv4 address counts as itself.
 */
export function addressGroup(address: string): string {
  // IPv4, written plainly or mapped into IPv6 (::ffff:192.0.2.1), counts as the IPv4 address.
  const ipv4 = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)?.[1];
  if (ipv4) return ipv4;
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  return groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":") + "::/64";
}

type SourceEnv = { SOURCE_KEY?: string };

let instanceKey: CryptoKey | undefined;
const configuredKeys = new Map<string, CryptoKey>();

async function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** True when blocks can be made: a SOURCE_KEY long enough to resist guessing addresses. */
export function canBlock(env: SourceEnv): boolean {
  return (env.SOURCE_KEY?.length ?? 0) >= 32;
}

async function keyFor(env: SourceEnv): Promise<CryptoKey> {
  const secret = env.SOURCE_KEY;
  if (secret && canBlock(env)) {
    let key = configuredKeys.get(secret);
    if (!key) configuredKeys.set(secret, (key = await hmacKey(new TextEncoder().encode(secret))));
    return key;
  }
  instanceKey ??= await hmacKey(crypto.getRandomValues(new Uint8Array(32)));
  return instanceKey;
}

/** The keyed hash of the caller's address (hex), or null when no address is known. */
export async function sourceOf(request: Request, env: SourceEnv): Promise<string | null> {
  const address = callerAddress(request);
  if (address === null) return null;
  const mac = await crypto.subtle.sign("HMAC", await keyFor(env), new TextEncoder().encode(`source:${addressGroup(address)}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
