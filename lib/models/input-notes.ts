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
