/** Isomorphic and zod-free: what an input image may be, for the server and the upload form alike. */

/** Largest upload accepted, in bytes (413 above it). */
export const MAX_INPUT_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest picture accepted, in pixels (422 above it): decoding more is a memory bomb. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Shortest side accepted, in pixels (422 below it). */
export const MIN_INPUT_SIDE = 64;
/** The types an upload may be, sniffed from its bytes (415 for anything else). */
export const INPUT_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
