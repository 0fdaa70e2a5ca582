import "server-only";
import type { ReactNode } from "react";
import satori from "satori";
import sharp from "sharp";
import { fontsFor } from "./og-fonts";

export interface OgSize {
  width: number;
  height: number;
}

/**
 * Renders `element` to a PNG with the shipped fonts only. `text` is every string the element shows,
 * so the fonts for its scripts are loaded. Satori is given no loader for missing glyphs, so it never
 * reaches for the network: a character no shipped font has is drawn as an empty box.
 */
export async function renderOgPng(element: ReactNode, text: string, size: OgSize): Promise<Buffer> {
  const svg = await satori(element, { ...size, fonts: await fontsFor(text) });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
