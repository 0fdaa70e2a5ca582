"use client";

import { type PointerEvent, type WheelEvent, useCallback, useRef, useState } from "react";
import { type Transform, FIT, panBy, zoomAt } from "./zoom-math";

interface Point {
  x: number;
  y: number;
}

/** The point of an event relative to the centre of the element it landed on (the transform origin). */
function fromCentre(element: Element, clientX: number, clientY: number): Point {
  const box = element.getBoundingClientRect();
  return { x: clientX - box.left - box.width / 2, y: clientY - box.top - box.height / 2 };
}

/**
 * One zoom and pan shared by every panel of the compare view: every panel is the same size, so the
 * same transform puts the same detail under the same spot. Wheel, drag and two-finger pinch on any
 * panel move them all.
 */
export function useSyncedZoom() {
  const [transform, setTransform] = useState<Transform>(FIT);
  const pointers = useRef(new Map<number, Point>());

  const onWheel = useCallback((event: WheelEvent<HTMLElement>) => {
    const at = fromCentre(event.currentTarget, event.clientX, event.clientY);
    const factor = Math.exp(-event.deltaY * 0.0015);
    setTransform((current) => zoomAt(current, current.scale * factor, at));
  }, []);

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }, []);

  const onPointerMove = useCallback((event: PointerEvent<HTMLElement>) => {
    const map = pointers.current;
    const previous = map.get(event.pointerId);
    if (!previous) return;
    const next = { x: event.clientX, y: event.clientY };
    const other = [...map.entries()].find(([id]) => id !== event.pointerId)?.[1];
    map.set(event.pointerId, next);
    if (!other) {
      setTransform((current) => panBy(current, next.x - previous.x, next.y - previous.y));
      return;
    }
    // Pinch: scale by the change of distance between the fingers, about their midpoint.
    const before = Math.hypot(previous.x - other.x, previous.y - other.y);
    const after = Math.hypot(next.x - other.x, next.y - other.y);
    if (before < 1) return;
    const mid = fromCentre(event.currentTarget, (next.x + other.x) / 2, (next.y + other.y) / 2);
    setTransform((current) => zoomAt(current, (current.scale * after) / before, mid));
  }, []);

  const onPointerUp = useCallback((event: PointerEvent<HTMLElement>) => {
    pointers.current.delete(event.pointerId);
  }, []);

  return {
    transform,
    setTransform,
    handlers: {
      onWheel,
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
    },
  };
}
