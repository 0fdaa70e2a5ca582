"use client";

import type { PointerEvent } from "react";

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/**
 * The swipe line, draggable by mouse, pen or finger: a wide strip over the line takes the pointer
 * (captured, so a drag past the panel's edge keeps going) before the panel's pan and zoom see it.
 * Keyboard users move it with the toolbar slider or [ and ].
 */
export function SwipeDivider({ position, onMove }: { position: number; onMove: (value: number) => void }) {
  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const panel = event.currentTarget.parentElement?.getBoundingClientRect();
    if (!panel || panel.width === 0) return;
    onMove(clampPercent(((event.clientX - panel.left) / panel.width) * 100));
  };
  return (
    <div
      aria-hidden
      data-swipe-divider
      className="absolute inset-y-0 z-10 w-10 -translate-x-1/2 cursor-ew-resize touch-none"
      style={{ left: `${position}%` }}
      onPointerDown={(event) => {
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
        event.stopPropagation();
        moveTo(event);
      }}
      onPointerUp={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onWheel={(event) => event.stopPropagation()}
    >
      <div className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-white shadow" />
      <div className="absolute top-1/2 left-1/2 grid size-8 -translate-1/2 place-items-center rounded-full bg-white text-xs font-semibold text-black shadow-md">
        ⇔
      </div>
    </div>
  );
}
