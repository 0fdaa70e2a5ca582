/**
 * What an upload really is, from its first bytes (never its name or Content-Type): one of the four
 * types Prism takes as input, or a name for what was found instead, for the 415 message.
 */
export type InputSniff =
  | { accepted: true; contentType: "image/png" | "image/jpeg" | "image/webp" | "image/gif" }
  | { accepted: false; found: string };

/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 512;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

export function sniffInput(bytes: Uint8Array): InputSniff {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { accepted: true, contentType: "image/png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, contentType: "image/jpeg" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { accepted: true, contentType: "image/webp" };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { accepted: true, contentType: "image/gif" };
  return { accepted: false, found: describeOther(bytes) };
}

function describeOther(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "a PDF document";
  // ISO-BMFF: "ftyp" at 4, then the brand (HEIC/HEIF/AVIF photos from phones).
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12)).toLowerCase();
    if (brand.startsWith("avi")) return "an AVIF image";
    if (["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(brand)) return "a HEIC image";
    return "an MP4/ISO media file";
  }
  const text = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, SNIFF_BYTES))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.includes("<svg"))) return "an SVG image";
  if (text.includes("<svg") && !text.includes("<html")) return "an SVG image";
  if (text.startsWith("<!doctype html") || text.startsWith("<html") || /<(head|body|script)\b/.test(text))
    return "an HTML page";
  if (startsWith(bytes, [0x42, 0x4d])) return "a BMP image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return "a TIFF image";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive";
  return "an unrecognised file";
}
