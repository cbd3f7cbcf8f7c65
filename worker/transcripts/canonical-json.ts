/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit, as JavaScript sorts), no whitespace,
 * no undefined values. The same value always gives the same string, so its SHA-256 can be
 * recomputed by anyone holding the file: the Worker when sealing, `npm run verify` when checking.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonical JSON cannot hold ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries: [string, unknown][] = Object.entries(value);
  const fields = entries
    .filter(([, field]) => field !== undefined)
    // By UTF-16 code unit, as a bare sort() orders strings.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
  return `{${fields.join(",")}}`;
}
