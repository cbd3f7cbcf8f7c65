/**
 * The record's SHA-256 (worker/transcripts/digest.ts), run in workerd as the Conversation runs
 * it: a chain entry's digest must be SHA-256 of its UTF-8 text, in any script, or a record would
 * not verify anywhere else (`npm run verify` runs the same code under Node).
 */
import { describe, expect, it } from "vitest";
import { sha256HexSync } from "../../worker/transcripts/digest";

const bytes = (text: string) => new TextEncoder().encode(text);
const SHA_POLISH = "afb829a9638ecf00d7cf5669cacd18bf63e67e678d102fda09a3edddbe005b34";
const SHA_URDU = "9752780792d090b358fb51c2d24eb5875cf7a221caa1ba65c6b1ceae4bc4124b";

describe("sha256HexSync", () => {
  it("gives the published SHA-256 test vectors", () => {
    // FIPS 180-2, appendix B: "abc", the 448-bit message, and a million "a"s.
    expect(sha256HexSync("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexSync("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256HexSync("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256HexSync("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    expect(sha256HexSync(bytes("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes text as UTF-8, in any script", () => {
    // Known digests of the UTF-8 bytes (computed with `sha256sum`): a text hashed as UTF-16 or
    // Latin-1 would give others.
    expect(sha256HexSync("Boję się")).toBe(SHA_POLISH);
    expect(sha256HexSync("ڈرتی ہوں")).toBe(SHA_URDU);
    expect(sha256HexSync(bytes("Boję się"))).toBe(SHA_POLISH);
  });
});
