/**
 * Unpacks a WOFF 1.0 font into a plain OpenType (sfnt) file for fontkit, with every glyph's
 * outline padded to an even length.
 *
 * - fontkit can read WOFF itself, but it inflates a compressed table again every time the table
 *   is read, and it reads `glyf` once per glyph: a transcript took seconds to render that way.
 * - fontkit's subsetter copies each glyph's bytes as they are and, for a small subset, writes
 *   `loca` in its short form (offsets / 2), which is only right if every glyph has an even
 *   length. Noto Sans Arabic's glyphs do not, and its subsets came out with broken outlines.
 *
 * Formats: https://www.w3.org/TR/WOFF/ and https://learn.microsoft.com/typography/opentype/spec/loca
 */
const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const padded = (length: number) => (length + 3) & ~3;
const tag = (name: string) => [...name].reduce((value, ch) => value * 256 + ch.charCodeAt(0), 0);

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** Rewrites `glyf` with each glyph padded to an even length, and `loca` in its long form. */
function padGlyphs(tables: Table[]) {
  const find = (name: string) => tables.find((t) => t.tag === tag(name));
  const [head, maxp, loca, glyf] = [find("head"), find("maxp"), find("loca"), find("glyf")];
  if (!head || !maxp || !loca || !glyf) return;
  const view = (t: Table) => new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  const long = view(head).getInt16(50) === 1;
  const numGlyphs = view(maxp).getUint16(4);
  const offsetOf = (i: number) => (long ? view(loca).getUint32(i * 4) : view(loca).getUint16(i * 2) * 2);

  const even = (i: number) => {
    const length = offsetOf(i + 1) - offsetOf(i);
    return length + (length % 2);
  };
  let total = 0;
  for (let i = 0; i < numGlyphs; i++) total += even(i);
  const newGlyf = new Uint8Array(total);
  const newLoca = new Uint8Array((numGlyphs + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let offset = 0;
  for (let i = 0; i < numGlyphs; i++) {
    locaView.setUint32(i * 4, offset);
    newGlyf.set(glyf.data.subarray(offsetOf(i), offsetOf(i + 1)), offset);
    offset += even(i);
  }
  locaView.setUint32(numGlyphs * 4, offset);
  const newHead = head.data.slice();
  new DataView(newHead.buffer).setInt16(50, 1);
  // fontkit does not check table checksums; they are left as they were.
  head.data = newHead;
  loca.data = newLoca;
  glyf.data = newGlyf;
}

export async function unpackWoff(woff: Uint8Array): Promise<Uint8Array> {
  const input = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.getUint32(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = input.getUint32(4);
  const numTables = input.getUint16(12);

  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const offset = input.getUint32(entry + 4);
    const compLength = input.getUint32(entry + 8);
    const origLength = input.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: input.getUint32(entry),
      checksum: input.getUint32(entry + 16),
      data: compLength < origLength ? await inflate(stored) : stored,
    });
  }

  padGlyphs(tables);

  // Offset table, one 16-byte record per table (already in tag order), then 4-byte aligned data.
  const headerLength = 12 + numTables * 16;
  const total = tables.reduce((sum, t) => sum + padded(t.data.length), headerLength);
  const sfnt = new Uint8Array(total);
  const output = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(numTables));
  output.setUint32(0, flavor);
  output.setUint16(4, numTables);
  output.setUint16(6, power * 16);
  output.setUint16(8, Math.log2(power));
  output.setUint16(10, numTables * 16 - power * 16);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    output.setUint32(record, table.tag);
    output.setUint32(record + 4, table.checksum);
    output.setUint32(record + 8, offset);
    output.setUint32(record + 12, table.data.length);
    sfnt.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
