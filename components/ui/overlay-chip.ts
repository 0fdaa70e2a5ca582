/** A round control over a thumbnail (star, note, Edit this image). */
export const OVERLAY_CHIP =
  "grid place-items-center rounded-full bg-black/45 text-white shadow-sm backdrop-blur-sm transition-opacity hover:bg-black/65";
/** Hidden until the thumbnail is hovered or focused; always shown on touch screens. */
export const HOVER_REVEAL =
  "opacity-0 group-focus-within/tile:opacity-100 group-hover/tile:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100";
