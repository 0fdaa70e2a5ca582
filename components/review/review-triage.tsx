"use client";

import { type RefObject, useState } from "react";
import { PairwiseDialog } from "@/components/triage/pairwise-dialog";
import { TriageBar, triageShortcuts } from "@/components/triage/triage-bar";
import { focusIn, focusRow, useTriageKeys } from "@/components/triage/use-triage-keys";
import type { ReviewPrompt } from "@/lib/api/review-views";
import { NONE_PICK } from "./review-prompt-section";

interface ReviewTriageProps {
  root: RefObject<HTMLElement | null>;
  prompts: ReviewPrompt[];
  /** Voting is closed: the keys move between rows, but pick nothing. */
  closed: boolean;
  onPick: (promptKey: string, imageId: string) => void;
  /** The prompt compared pairwise (by index), or null. */
  pairwiseRow: number | null;
  onPairwiseRow: (row: number | null) => void;
}

const SHORTCUTS = triageShortcuts([
  ["1 – 8", "Your pick for the row: the image in that place (A, B, C…)"],
  ["0", "None of these: no image of the row"],
  ["N", "Comment on the row's prompt"],
]);

/**
 * A review by keyboard: a number key makes the image in that place the reviewer's pick for the
 * focused prompt, as clicking its card does (sent with the ballot, like every pick), and 0 picks
 * "None of these". N goes to the prompt's comment; S does nothing here, stars being the owner's.
 */
export function ReviewTriage({
  root,
  prompts,
  closed,
  onPick,
  pairwiseRow,
  onPairwiseRow,
}: ReviewTriageProps) {
  const [help, setHelp] = useState(false);
  const rows = prompts.length;
  const choose = (row: number, column: number) => {
    const prompt = prompts[row];
    const option = prompt?.options[column];
    if (!prompt || !option) return;
    onPick(prompt.key, option.image.id);
    announce(`Row ${row + 1} of ${rows}: winner ${option.label} picked`);
    const element = root.current;
    if (element) focusIn(element, row, column, 'input[type="radio"]');
  };
  const chooseNone = (row: number) => {
    const prompt = prompts[row];
    if (!prompt) return;
    onPick(prompt.key, NONE_PICK);
    announce(`Row ${row + 1} of ${rows}: None of these picked`);
    root.current?.querySelector<HTMLElement>(`[data-row="${row}"] input[value="${NONE_PICK}"]`)?.focus();
  };

  const { message, announce } = useTriageKeys({
    root,
    rows,
    columns: (row) => prompts[row]?.options.length ?? 0,
    none: true,
    onAction: (action, target) => {
      const element = root.current;
      if (action.kind === "help") return setHelp(true);
      if (action.kind === "star") return;
      if (action.kind === "note") {
        return element?.querySelector<HTMLElement>(`[data-row="${target.row}"] [data-triage-note]`)?.focus();
      }
      if (closed) return announce("Voting is closed");
      if (action.kind === "pick") return choose(target.row, action.column);
      if (action.kind === "none") return chooseNone(target.row);
      if ((prompts[target.row]?.options.length ?? 0) < 2) return;
      onPairwiseRow(target.row);
    },
  });

  const prompt = pairwiseRow === null ? undefined : prompts[pairwiseRow];
  return (
    <>
      <TriageBar shortcuts={SHORTCUTS} message={message} help={help} onHelpChange={setHelp} />
      {prompt && pairwiseRow !== null && prompt.options.length >= 2 ? (
        <PairwiseDialog
          key={pairwiseRow}
          prompt={prompt.prompt}
          candidates={prompt.options.map((option) => ({
            id: option.image.id,
            label: `Image ${option.label}`,
            src: option.image.url,
          }))}
          onCancel={() => {
            onPairwiseRow(null);
            announce("Pairwise left: nothing picked");
            const element = root.current;
            requestAnimationFrame(() => element && focusRow(element, pairwiseRow));
          }}
          onDone={(winner) => {
            onPairwiseRow(null);
            const column = prompt.options.findIndex((option) => option.image.id === winner.id);
            requestAnimationFrame(() => choose(pairwiseRow, column));
          }}
        />
      ) : null}
    </>
  );
}
