import type { AspectRatio, InputImageRange } from "./types";

/**
 * What a model makes of a run's input images, for its card and the server alike: a text-only model
 * ignores them; an edit model takes the first `max`. Empty when it takes them all.
 */
export function inputImageNotes(name: string, range: InputImageRange, inputCount: number): string[] {
  if (inputCount === 0) return [];
  if (range.max === 0) return [`${name} ignores your images`];
  if (inputCount <= range.max) return [];
  const takes = range.max === 1 ? "one image" : `${range.max} images`;
  return [`${name} takes ${takes}: used the first ${range.max} of ${inputCount}`];
}

/** Why a model cannot run on this many inputs (fewer than it needs), or null. */
export function inputShortfall(name: string, range: InputImageRange, inputCount: number): string | null {
  if (inputCount >= range.min) return null;
  const needs = range.min === 1 ? "an input image" : `at least ${range.min} input images`;
  return `${name} needs ${needs}; this run has ${inputCount}`;
}

/** An edit model whose output takes the shape of its (last) input says so instead of a shape it ignores. */
export function followsInputShape(aspectRatio: AspectRatio): string {
  return `Keeps your image's shape (not ${aspectRatio})`;
}

/** A model that makes one image per request, asked for more. */
export function oneImageNotes(numImages: number): string[] {
  return numImages > 1 ? ["Makes 1 image (one per request)"] : [];
}

/** The size an input is sent at to a model whose provider documents a longest side, or null when it fits. */
export function downscaledSize(
  range: InputImageRange,
  size: { width: number; height: number },
): { width: number; height: number } | null {
  const longest = Math.max(size.width, size.height);
  if (!range.maxSide || longest <= range.maxSide) return null;
  const scale = range.maxSide / longest;
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/** What a model's card says of the run's inputs it gets smaller than uploaded (first `max` of them). */
export function downscaleNotes(
  name: string,
  range: InputImageRange,
  inputs: readonly { width: number; height: number }[],
): string[] {
  return inputs.slice(0, range.max).flatMap((input, index) => {
    const sent = downscaledSize(range, input);
    if (!sent) return [];
    const which = inputs.length > 1 ? `image ${index + 1}` : "your image";
    return [
      `${name} takes at most ${range.maxSide} px a side: ${which} is sent at ${sent.width}×${sent.height}`,
    ];
  });
}
