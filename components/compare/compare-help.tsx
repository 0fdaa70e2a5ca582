"use client";

export { ShortcutsDialog as CompareHelp } from "@/components/ui/shortcuts-dialog";

export function compareShortcuts(pair: boolean): [string, string][] {
  return [
    ["+ / −", "Zoom in / out"],
    ["Wheel, pinch", "Zoom at the pointer"],
    ["Drag, arrow keys", "Pan"],
    ["0", "Fit"],
    ["1, double-click", "Toggle fit ↔ 100 %"],
    ...(pair
      ? ([
          ["S", "Side by side"],
          ["W", "Swipe slider on / off"],
          ["[ / ]", "Move the swipe slider"],
          ["F", "Flip: show the other image in place"],
        ] as [string, string][])
      : []),
    ["?", "This list"],
  ];
}
