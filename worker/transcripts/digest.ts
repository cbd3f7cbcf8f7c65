/**
 * SHA-256 for the record. Synchronous (node:crypto, which workerd provides), so a chain entry's
 * digest is worked out inside the same synchronous SQLite write that stores it: two messages
 * arriving together can never both chain onto the same previous entry. The same code runs
 * under Node for `npm run verify`.
 */
import { createHash } from "node:crypto";

export function sha256HexSync(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
