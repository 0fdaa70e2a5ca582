import { extensionFor } from "@/lib/storage/image-type";

/** Isomorphic: names for downloaded images, shared by the download routes and the ZIP archives. */

const PROMPT_WORDS = 6;
const PROMPT_CHARS = 48;

function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      // Drops the accents NFKD split off, so "crème" becomes "creme" rather than "cre-me".
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

/**
 * `<model>-<first prompt words>-<n>.<ext>`, e.g. `pixazo-z-image-turbo-a-red-fox-in-snow-2.png`.
 * ASCII only, so it is safe in a Content-Disposition header and on every file system; the
 * extension comes from the stored (sniffed) type, never from the provider.
 */
export function imageFilename(
  modelId: string,
  prompt: string,
  position: number,
  contentType: string,
): string {
  const words = slugify(prompt.split(/\s+/).slice(0, PROMPT_WORDS).join(" "))
    .slice(0, PROMPT_CHARS)
    .replace(/-+$/, "");
  return `${slugify(modelId) || "image"}-${words || "image"}-${position}.${extensionFor(contentType)}`;
}

const LABEL_CHARS = 32;

/**
 * An image's name inside a run or gallery ZIP: its cell and take before the download name,
 * `p<prompt number>-<configuration label>-take<n>-<model>-<first prompt words>-<n>.<ext>`, e.g.
 * `p1-flux-1-schnell-take2-shortapi-flux-1-0-a-red-fox-1.png`, so two columns of one model (or two
 * takes of one cell) never read alike.
 */
export function archiveImageFilename(image: {
  promptIndex: number;
  configurationLabel: string;
  take: number;
  modelId: string;
  prompt: string;
  position: number;
  contentType: string;
}): string {
  const label = slugify(image.configurationLabel).slice(0, LABEL_CHARS).replace(/-+$/, "") || "model";
  const name = imageFilename(image.modelId, image.prompt, image.position, image.contentType);
  return `p${image.promptIndex + 1}-${label}-take${image.take}-${name}`;
}

/** Makes every name unique (two runs of one prompt on one model would clash) with a `-2`, `-3`… suffix. */
export function uniqueFilenames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let copy = 2; taken.has(candidate); copy += 1) candidate = `${stem}-${copy}${extension}`;
    taken.add(candidate);
    return candidate;
  });
}

/**
 * An attachment header (or `inline`: shown in the tab, saved under this name); the plain `filename`
 * is ASCII already, `filename*` keeps strict clients happy.
 */
export function contentDisposition(
  filename: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function titleStem(title: string): string {
  return slugify(title).slice(0, 60).replace(/-+$/, "") || "prism";
}

export function archiveFilename(title: string): string {
  return `${titleStem(title)}.zip`;
}

/** `<first prompt words>-contact-sheet.png`. */
export function contactSheetFilename(title: string): string {
  return `${titleStem(title)}-contact-sheet.png`;
}
