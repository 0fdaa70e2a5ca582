"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from "@/components/ui/icons";
import { StoredImage } from "@/components/ui/stored-image";
import { choosePairwise, pairwiseKey, pairwiseLeft, type PairwiseSide, startPairwise } from "./pairwise";

export interface PairwiseCandidate {
  id: string;
  /** What the image is called: "FLUX.1 · dev", "Image B". */
  label: string;
  src: string;
}

interface PairwiseDialogProps {
  /** The row's prompt. */
  prompt: string;
  candidates: PairwiseCandidate[];
  /** One remains: the caller writes it (a star, a pick). */
  onDone: (winner: PairwiseCandidate) => void;
  /** Escape or Close: nothing is written. */
  onCancel: () => void;
}

const SIDES: { side: PairwiseSide; name: string; keys: string }[] = [
  { side: "left", name: "Left", keys: "← or 1" },
  { side: "right", name: "Right", keys: "→ or 2" },
];

/** "Which is better?" between two of a row's images at a time until one remains (n − 1 choices). */
export function PairwiseDialog({ prompt, candidates, onDone, onCancel }: PairwiseDialogProps) {
  const [state, setState] = useState(() => startPairwise(candidates));
  const choose = (side: PairwiseSide) => {
    const next = choosePairwise(state, side);
    setState(next);
    if (next.winner !== null) onDone(next.winner);
  };
  const total = candidates.length;
  return (
    <Dialog
      open
      onClose={onCancel}
      label="Which is better?"
      className="w-[min(1200px,calc(100vw-2rem))]"
      onKeyDown={(event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const side = pairwiseKey(event.key);
        if (!side) return;
        event.preventDefault();
        choose(side);
      }}
    >
      <div className="grid gap-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="grid min-w-0 gap-1">
            <h2 className="text-base font-semibold">Which is better?</h2>
            <p className="line-clamp-2 text-xs text-fg-muted">{prompt}</p>
          </div>
          <Button variant="ghost" size="icon-sm" aria-label="Cancel pairwise" onClick={onCancel}>
            <CloseIcon />
          </Button>
        </div>
        <p role="status" className="text-sm text-fg-muted tabular-nums">
          Pairwise: {pairwiseLeft(state)} of {total} left · {state.choices} of {total - 1} choices made
        </p>
        <div className="grid grid-cols-2 gap-3">
          {SIDES.map(({ side, name, keys }) => {
            const candidate = side === "left" ? state.left : state.right;
            return (
              <div key={side} className="grid min-w-0 content-start gap-2">
                <div className="grid h-[min(60dvh,36rem)] place-items-center overflow-hidden rounded-lg bg-surface-sunken">
                  <StoredImage
                    key={candidate.id}
                    src={candidate.src}
                    alt={`${name}: ${candidate.label}`}
                    className="max-h-full max-w-full animate-fade-in object-contain"
                  />
                </div>
                <Button
                  variant="secondary"
                  onClick={() => choose(side)}
                  aria-keyshortcuts={side === "left" ? "ArrowLeft 1" : "ArrowRight 2"}
                  className="justify-center"
                >
                  {side === "left" ? <ChevronLeftIcon /> : null}
                  {name} is better: {candidate.label}
                  {side === "right" ? <ChevronRightIcon /> : null}
                  <kbd className="ml-1 font-mono text-[11px] text-fg-subtle">{keys}</kbd>
                </Button>
              </div>
            );
          })}
        </div>
      </div>
    </Dialog>
  );
}
