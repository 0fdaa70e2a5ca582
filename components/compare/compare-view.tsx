"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CompareHelp, compareShortcuts } from "./compare-help";
import { distinctTitles } from "./compare-items";
import { type CompareItem, PanelLabel, ZoomedImage } from "./compare-panel";
import { SwipeDivider } from "./swipe-divider";
import { useSyncedZoom } from "./use-synced-zoom";
import { FIT, actualSizeScale, panBy, zoomAt } from "./zoom-math";

type Mode = "side" | "swipe" | "flip";

/** Side by side: stacked on a phone up to three, then a grid whose rows share the height. */
function sideLayout(count: number): string {
  if (count === 2) return "grid-rows-2 sm:grid-cols-2 sm:grid-rows-1";
  if (count === 3) return "grid-rows-3 sm:grid-cols-3 sm:grid-rows-1";
  if (count === 4) return "grid-cols-2 grid-rows-2";
  if (count <= 6) return "auto-rows-fr grid-cols-2 sm:grid-cols-3";
  return "auto-rows-fr grid-cols-2 sm:grid-cols-3 lg:grid-cols-4";
}
const PAN_STEP = 40;
const ZOOM_STEP = 1.25;

/**
 * 2–12 images (a whole row or column of a run) at equal size under one shared zoom and pan; with two, an A/B swipe slider and a flip
 * that shows one image in place of the other. Everything has a key, listed under "?".
 */
export function CompareView({
  items: given,
  picks,
  toolbar,
}: {
  items: CompareItem[];
  /** More controls at the start of the toolbar (the signed-in view's "Input as a side"). */
  toolbar?: ReactNode;
  /** The owner's controls per image (star, note), in a row under the images; absent on a share page. */
  picks?: (item: CompareItem) => ReactNode;
}) {
  const items = distinctTitles(given);
  const { transform, setTransform, handlers } = useSyncedZoom();
  const [mode, setMode] = useState<Mode>("side");
  const [swipe, setSwipe] = useState(50);
  const [flipped, setFlipped] = useState(false);
  const [help, setHelp] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // The keys work at once, without a click into the stage first.
  useEffect(() => root.current?.focus(), []);
  const pair = items.length === 2;
  const [first, second] = items;

  const toggleActualSize = () => {
    const panel = stage.current?.querySelector("[data-compare-panel]")?.getBoundingClientRect();
    // A blind review's images carry no size: "actual size" is then the fitted one.
    if (!panel || !first?.width || !first.height) return;
    const size = { width: first.width, height: first.height };
    setTransform((current) =>
      current.scale > 1 ? FIT : zoomAt(current, actualSizeScale(panel, size), { x: 0, y: 0 }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement && event.target.type !== "range") return;
    if (event.target instanceof HTMLTextAreaElement) return;
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const centre = { x: 0, y: 0 };
    const actions: Record<string, () => void> = {
      "+": () => setTransform((t) => zoomAt(t, t.scale * ZOOM_STEP, centre)),
      "=": () => setTransform((t) => zoomAt(t, t.scale * ZOOM_STEP, centre)),
      "-": () => setTransform((t) => zoomAt(t, t.scale / ZOOM_STEP, centre)),
      "0": () => setTransform(FIT),
      "1": toggleActualSize,
      ArrowLeft: () => setTransform((t) => panBy(t, PAN_STEP, 0)),
      ArrowRight: () => setTransform((t) => panBy(t, -PAN_STEP, 0)),
      ArrowUp: () => setTransform((t) => panBy(t, 0, PAN_STEP)),
      ArrowDown: () => setTransform((t) => panBy(t, 0, -PAN_STEP)),
      "?": () => setHelp((open) => !open),
      Escape: () => setHelp(false),
    };
    if (pair) {
      actions.s = () => setMode("side");
      actions.w = () => setMode((m) => (m === "swipe" ? "side" : "swipe"));
      actions.f = () => {
        setMode("flip");
        setFlipped((value) => !value);
      };
      actions["["] = () => setSwipe((value) => Math.max(0, value - 5));
      actions["]"] = () => setSwipe((value) => Math.min(100, value + 5));
    }
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const panelClasses =
    "relative touch-none overflow-hidden rounded-xl bg-surface-sunken select-none cursor-grab active:cursor-grabbing";

  return (
    <div
      // The stage takes the keys, so it is focusable; it says how to reach the list of shortcuts.
      ref={root}
      tabIndex={0}
      role="group"
      aria-label="Compare images. Press ? for keyboard shortcuts"
      onKeyDown={onKeyDown}
      className="grid gap-3 outline-none"
    >
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Compare controls">
        {toolbar}
        {pair ? (
          <div className="flex gap-1" role="group" aria-label="Layout">
            {(["side", "swipe", "flip"] as const).map((value) => (
              <Button
                key={value}
                size="sm"
                variant={mode === value ? "primary" : "secondary"}
                aria-pressed={mode === value}
                onClick={() => setMode(value)}
              >
                {value === "side" ? "Side by side" : value === "swipe" ? "Swipe" : "Flip"}
              </Button>
            ))}
          </div>
        ) : null}
        {pair && mode === "swipe" ? (
          <label className="flex items-center gap-2 text-xs text-fg-muted">
            Swipe position
            <input
              type="range"
              min={0}
              max={100}
              value={swipe}
              onChange={(event) => setSwipe(Number(event.target.value))}
              className="w-32 accent-accent"
            />
          </label>
        ) : null}
        {pair && mode === "flip" ? (
          <Button size="sm" onClick={() => setFlipped((value) => !value)}>
            Showing {(flipped ? second : first)?.title} · flip
          </Button>
        ) : null}
        <span className="ml-auto text-xs tabular-nums text-fg-muted" aria-live="polite">
          {Math.round(transform.scale * 100)}% of fit
        </span>
        <Button size="sm" onClick={() => setTransform(FIT)}>
          Fit
        </Button>
        <Button size="sm" onClick={toggleActualSize}>
          100 %
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelp(true)}
        >
          Shortcuts
        </Button>
      </div>

      <div
        ref={stage}
        className={cn(
          "grid min-h-80 gap-2",
          picks ? "h-[calc(100dvh-16rem)]" : "h-[calc(100dvh-12rem)]",
          mode === "side" && sideLayout(items.length),
        )}
      >
        {mode === "side" || !pair || !first || !second ? (
          items.map((item, index) => (
            <div
              key={item.id}
              data-compare-panel
              className={panelClasses}
              onDoubleClick={toggleActualSize}
              {...handlers}
            >
              <ZoomedImage item={item} transform={transform} />
              <PanelLabel item={item} side={index % 2 === 1 ? "right" : "left"} />
            </div>
          ))
        ) : (
          <div data-compare-panel className={panelClasses} onDoubleClick={toggleActualSize} {...handlers}>
            {mode === "swipe" ? (
              <>
                <ZoomedImage item={first} transform={transform} />
                {/* Clipped outside the transform, so the cut stays under the line at any zoom. */}
                <div
                  data-swipe-clip
                  className="absolute inset-0"
                  style={{ clipPath: `inset(0 0 0 ${swipe}%)` }}
                >
                  <ZoomedImage item={second} transform={transform} />
                </div>
                <SwipeDivider position={swipe} onMove={setSwipe} />
                <PanelLabel item={first} side="left" />
                <PanelLabel item={second} side="right" />
              </>
            ) : (
              <>
                <ZoomedImage item={flipped ? second : first} transform={transform} />
                <PanelLabel item={flipped ? second : first} side="left" />
              </>
            )}
          </div>
        )}
      </div>
      {picks ? (
        <ul
          aria-label="Picks"
          className={cn("grid gap-2", items.length > 2 ? "grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-2")}
        >
          {items.map((item) => (
            <li
              key={item.id}
              className="grid min-w-0 content-start gap-1 rounded-xl border border-line bg-surface px-3 py-2"
            >
              <p className="truncate text-xs font-semibold">{item.title}</p>
              {picks(item)}
            </li>
          ))}
        </ul>
      ) : null}
      <CompareHelp open={help} onClose={() => setHelp(false)} shortcuts={compareShortcuts(pair)} />
    </div>
  );
}
