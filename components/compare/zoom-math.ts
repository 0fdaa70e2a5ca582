/** Pure maths of the compare view's shared zoom: a translate then scale about the panel centre. */

export interface Transform {
  scale: number;
  x: number;
  y: number;
}

export const FIT: Transform = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 1;
export const MAX_SCALE = 16;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms to `scale` keeping the point `at` (relative to the panel centre) under the same spot. */
export function zoomAt(current: Transform, scale: number, at: { x: number; y: number }): Transform {
  const next = clampScale(scale);
  if (next === MIN_SCALE) return FIT;
  const ratio = next / current.scale;
  return { scale: next, x: at.x - (at.x - current.x) * ratio, y: at.y - (at.y - current.y) * ratio };
}

export function panBy(current: Transform, dx: number, dy: number): Transform {
  if (current.scale === MIN_SCALE) return current;
  return { ...current, x: current.x + dx, y: current.y + dy };
}

/**
 * The scale at which the image shows at 100 % (one image pixel per CSS pixel) in a panel of the
 * given size, where scale 1 fits the image inside the panel.
 */
export function actualSizeScale(
  panel: { width: number; height: number },
  image: { width: number; height: number },
): number {
  const fit = Math.min(panel.width / image.width, panel.height / image.height);
  return fit > 0 ? clampScale(1 / fit) : MIN_SCALE;
}

export const toCss = (transform: Transform) =>
  `translate(${transform.x}px, ${transform.y}px) scale(${transform.scale})`;
