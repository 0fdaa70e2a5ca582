import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Fonts for the images Prism draws text on (the share preview, the contact sheet), shipped as npm packages so the image renders without network access
 * (next/og would fetch any script its bundled font lacks from the internet, and hang offline).
 * Each fontsource package splits its font into subsets with a CSS unicode-range; only the subsets a
 * text needs are read. Static WOFF instances: satori reads TTF/OTF/WOFF but not WOFF2, and it
 * cannot apply a variable font's axes anyway. Order is fallback order: Latin first, then emoji,
 * whose subsets list exactly the code points they draw, before the script fonts, whose "symbols"
 * subsets claim wide ranges (🎨, ✨) they have no glyphs for.
 */
const FONT_PACKAGES = ["inter", "noto-emoji", "noto-sans-hebrew", "noto-sans-arabic", "noto-sans-sc"];
const WEIGHT = 400;

/** Shaped like satori's FontOptions. */
export interface RenderFont {
  name: string;
  data: Buffer;
  weight: typeof WEIGHT;
  style: "normal";
}

interface FontFace {
  file: string;
  ranges: [number, number][];
}

const FACE_PATTERN = /url\(\.\/files\/([\w-]+\.woff)\) format\('woff'\);\s*unicode-range: ([^;]+);/g;

function fontsourceDir(name: string): string {
  // next start runs from the project root; the comment keeps Turbopack from tracing every font file.
  return path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@fontsource", name);
}

function parseRange(range: string): [number, number] {
  const [start = "0", end = start] = range.trim().replace(/^U\+/i, "").split("-");
  return [parseInt(start, 16), parseInt(end, 16)];
}

/** The @font-face rules of one package's regular weight, in the order its CSS lists them. */
export function parseFontFaces(css: string, directory: string): FontFace[] {
  return [...css.matchAll(FACE_PATTERN)].map(([, file = "", ranges = ""]) => ({
    file: path.join(directory, "files", file),
    ranges: ranges.split(",").map(parseRange),
  }));
}

// Both caches hold a fixed set of files from node_modules (at most a few MB), so they stay bounded.
let facesPromise: Promise<FontFace[]> | undefined;
const fileCache = new Map<string, Promise<Buffer>>();

function allFaces(): Promise<FontFace[]> {
  facesPromise ??= Promise.all(
    FONT_PACKAGES.map(async (name) => {
      const directory = fontsourceDir(name);
      return parseFontFaces(await readFile(path.join(directory, `${WEIGHT}.css`), "utf8"), directory);
    }),
  ).then((faces) => faces.flat());
  facesPromise.catch(() => (facesPromise = undefined));
  return facesPromise;
}

function readCached(file: string): Promise<Buffer> {
  let data = fileCache.get(file);
  if (!data) {
    data = readFile(file);
    data.catch(() => fileCache.delete(file));
    fileCache.set(file, data);
  }
  return data;
}

const covers = (face: FontFace, codePoint: number) =>
  face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);

/** The font subsets that draw `text`, in fallback order; each has its own name, as satori merges same-named fonts. */
export async function fontsFor(text: string): Promise<RenderFont[]> {
  const codePoints = [...new Set([...text].map((character) => character.codePointAt(0) ?? 0))];
  const all = await allFaces();
  // The first face in fallback order that covers a character is the one satori will draw it with.
  const chosen = new Set(codePoints.flatMap((point) => all.find((face) => covers(face, point)) ?? []));
  const needed = all.filter((face) => chosen.has(face));
  // satori needs at least one font, even for a text no subset covers (it then draws empty boxes).
  const faces = needed.length > 0 ? needed : all.slice(0, 1);
  return Promise.all(
    faces.map(async (face) => ({
      name: path.basename(face.file, ".woff"),
      data: await readCached(face.file),
      weight: WEIGHT,
      style: "normal" as const,
    })),
  );
}
