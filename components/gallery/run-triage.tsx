"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyNoteDialog } from "@/components/picks/lazy-picks";
import type { MatrixImage } from "@/components/media/run-matrix-model";
import { PairwiseDialog } from "@/components/triage/pairwise-dialog";
import { TriageBar, triageShortcuts } from "@/components/triage/triage-bar";
import { focusIn, focusRow, useTriageKeys } from "@/components/triage/use-triage-keys";
import type { RunView } from "@/lib/api/views";
import { useAnnotateImage } from "@/lib/hooks/use-annotate-image";
import { modelLabel } from "@/lib/labels/names";

interface RunTriageProps {
  root: RefObject<HTMLElement | null>;
  run: RunView;
  /** The images on show (each cell's shown take), as the lightbox steps through them. */
  items: MatrixImage[];
  /** The row compared pairwise (opened from its header or with P), or null. */
  pairwiseRow: number | null;
  onPairwiseRow: (row: number | null) => void;
}

const SHORTCUTS = triageShortcuts([
  ["1 – 8", "The winner of the row: star that column's image"],
  ["S", "Star or unstar the focused image"],
  ["N", "Note on the focused image"],
]);

/**
 * Triage a run by keyboard. A number key stars the image in that column of the focused row (its
 * first image, or the focused one); stars stay the owner's shortlist, so other stars of the row are
 * left as they are and a second press does not take the star away (S does). Pairwise ends in a star too.
 */
export function RunTriage({ root, run, items, pairwiseRow, onPairwiseRow }: RunTriageProps) {
  const annotate = useAnnotateImage();
  const [help, setHelp] = useState(false);
  const [noteOn, setNoteOn] = useState<MatrixImage | null>(null);
  // Focus moves back to the matrix once the dialog over it is gone, not at the next frame: while a
  // modal dialog is open the rest of the page is inert, and a note's dialog closes when its save
  // answers, at any moment of a frame.
  const refocus = useRef<(() => void) | null>(null);
  const focusAfterDialog = (focus: () => void) => {
    refocus.current = focus;
  };
  useEffect(() => {
    if (noteOn || pairwiseRow !== null) return;
    refocus.current?.();
    refocus.current = null;
  }, [noteOn, pairwiseRow]);
  const rows = run.prompts.length;
  const label = (item: MatrixImage) => {
    const column = run.configs[item.column]?.label ?? modelLabel(item.job.modelId).name;
    return item.job.images.length > 1 ? `${column} · image ${item.position}` : column;
  };
  const name = (item: MatrixImage) => `image ${item.position} from ${modelLabel(item.job.modelId).name}`;
  const inRow = (row: number) => items.filter((item) => item.row === row);
  // Keys come faster than the cache repaints: S pressed right after 3 must unstar what 3 starred, so a
  // star asked for here counts until the server has answered.
  const asked = useRef(new Map<string, boolean>());
  const isStarred = (item: MatrixImage) => asked.current.get(item.image.id) ?? item.image.starred;
  const setStarred = (item: MatrixImage, starred: boolean) => {
    const imageId = item.image.id;
    asked.current.set(imageId, starred);
    void annotate
      .mutateAsync({ imageId, patch: { starred } })
      .catch(() => undefined)
      .finally(() => {
        if (asked.current.get(imageId) === starred) asked.current.delete(imageId);
      });
  };
  const star = (item: MatrixImage, row: number) => {
    if (!isStarred(item)) setStarred(item, true);
    announce(`Row ${row + 1} of ${rows}: winner ${label(item)} starred`);
  };
  const focusImage = (item: MatrixImage) => {
    const element = root.current;
    if (element) focusIn(element, item.row, item.column, `[data-image-id="${item.image.id}"]`);
  };

  const { message, announce } = useTriageKeys({
    root,
    rows,
    columns: () => run.configs.length,
    onAction: (action, target) => {
      const row = inRow(target.row);
      const focused = row.find((item) => item.image.id === target.imageId);
      if (action.kind === "pick") {
        const cell = row.filter((item) => item.column === action.column);
        const chosen = cell.find((item) => item === focused) ?? cell[0];
        if (!chosen)
          return announce(`Row ${target.row + 1} of ${rows}: column ${action.column + 1} has no image`);
        star(chosen, target.row);
        focusImage(chosen);
      } else if (action.kind === "star" || action.kind === "note") {
        if (!focused) return announce("No image is focused: press 1 – 8 to go to one");
        if (action.kind === "note") return setNoteOn(focused);
        const starred = !isStarred(focused);
        setStarred(focused, starred);
        announce(`${label(focused)} ${starred ? "starred" : "unstarred"}`);
      } else if (action.kind === "pairwise") {
        if (row.length < 2) return announce(`Row ${target.row + 1} of ${rows} has fewer than 2 images`);
        onPairwiseRow(target.row);
      } else if (action.kind === "help") setHelp(true);
    },
  });

  const compared = pairwiseRow === null ? [] : inRow(pairwiseRow);
  return (
    <>
      <TriageBar shortcuts={SHORTCUTS} message={message} help={help} onHelpChange={setHelp}>
        {rows === 1 && inRow(0).length >= 2 ? (
          <Button size="sm" variant="ghost" aria-keyshortcuts="P" onClick={() => onPairwiseRow(0)}>
            Pairwise
          </Button>
        ) : null}
      </TriageBar>
      {noteOn ? (
        <LazyNoteDialog
          image={noteOn.image}
          name={name(noteOn)}
          onClose={() => {
            setNoteOn(null);
            focusAfterDialog(() => focusImage(noteOn));
          }}
        />
      ) : null}
      {pairwiseRow !== null && compared.length >= 2 ? (
        <PairwiseDialog
          key={pairwiseRow}
          prompt={run.prompts[pairwiseRow] ?? ""}
          candidates={compared.map((item) => ({
            id: item.image.id,
            label: label(item),
            src: item.image.url,
          }))}
          onCancel={() => {
            onPairwiseRow(null);
            const element = root.current;
            focusAfterDialog(() => {
              if (element && !element.contains(document.activeElement)) focusRow(element, pairwiseRow);
            });
            announce("Pairwise left: nothing starred");
          }}
          onDone={(winner) => {
            const item = compared.find((entry) => entry.image.id === winner.id)!;
            onPairwiseRow(null);
            star(item, pairwiseRow);
            focusAfterDialog(() => focusImage(item));
          }}
        />
      ) : null}
    </>
  );
}
