import "server-only";
import type { ReactNode } from "react";
import satori from "satori";
import sharp from "sharp";
import { fontsFor } from "./fonts";

export interface RenderSize {
  width: number;
  height: number;
}

/**
 * Lays `element` out as an SVG with the shipped fonts only; the OG image and the contact sheet draw
 * their text this way, so a title renders the same in both. `text` is every string the element
 * shows, so the fonts for its scripts are loaded. Satori is given no loader for missing glyphs, so
 * it never reaches for the network: a character no shipped font has is drawn as an empty box.
 */
export async function renderSvg(element: ReactNode, text: string, size: RenderSize): Promise<string> {
  return satori(element, { ...size, fonts: await fontsFor(text) });
}

/** The same, as a PNG. */
export async function renderPng(element: ReactNode, text: string, size: RenderSize): Promise<Buffer> {
  return sharp(Buffer.from(await renderSvg(element, text, size)))
    .png()
    .toBuffer();
}
