/** Lengths a share link's text may have: the request schemas enforce them, the dialogs' fields stop there. */
export const GALLERY_TITLE_MAX = 120;
export const GALLERY_NOTE_MAX = 2000;
