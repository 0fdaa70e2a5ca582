"use client";

import { useId } from "react";
import { RunInputs } from "@/components/media/run-inputs";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { PromptTally, ReviewPrompt } from "@/lib/api/review-views";
import type { ParamLabel } from "@/lib/labels/params";
import { optionName } from "@/lib/labels/names";
import { ReviewOptionCard } from "./review-option-card";

/** The pick that stands for "None of these" (image ids are 24 characters, so it cannot clash). */
export const NONE_PICK = "none";

interface ReviewPromptSectionProps {
  prompt: ReviewPrompt;
  /** Show the images its options were edited from (once per run of consecutive prompts). */
  showInputs: boolean;
  /** 1-based, with the total, for "Prompt 1 of 2". */
  position: number;
  total: number;
  /** An image id, NONE_PICK, or nothing yet. */
  picked: string | undefined;
  onPick: (imageId: string) => void;
  comment: string;
  onCommentChange: (comment: string) => void;
  onView: (imageId: string) => void;
  /** Model names by id (namesInContext), empty while a blind review hides them. */
  names: Map<string, string>;
  paramsOf: (imageId: string) => ParamLabel[];
  tally: PromptTally | undefined;
  compareHref: (imageIds: string[]) => string;
  /** Voting is closed. */
  closed: boolean;
  /** "Which is better?" two at a time (keyboard triage), where offered. */
  onPairwise?: () => void;
}

const MAX_COMPARED = 4;
const COMMENT_MAX = 2000;

/** One question of a review: the prompt, its images and "None of these" as one radio group, and a comment. */
export function ReviewPromptSection(props: ReviewPromptSectionProps) {
  const { prompt, names, tally } = props;
  const headingId = `prompt-${prompt.key}`;
  const commentId = useId();
  const compared = prompt.options.slice(0, MAX_COMPARED).map((option) => option.image.id);
  const noneChecked = props.picked === NONE_PICK;
  return (
    <section aria-labelledby={headingId} data-row={props.position - 1} className="@container grid gap-4">
      {props.showInputs ? <RunInputs inputs={prompt.inputs} title="Before" /> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid max-w-4xl gap-1">
          <p className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
            Prompt {props.position} of {props.total}
          </p>
          <h2
            id={headingId}
            tabIndex={-1}
            data-triage-row
            className="text-base leading-relaxed font-normal text-pretty whitespace-pre-wrap"
          >
            {prompt.prompt}
          </h2>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {props.onPairwise && !props.closed && prompt.options.length >= 2 ? (
            <button
              type="button"
              onClick={props.onPairwise}
              aria-label={`Pairwise: prompt ${props.position}`}
              title="Which is better? Compare this prompt's images two at a time (P)"
              className="text-sm text-accent underline"
            >
              Pairwise
            </button>
          ) : null}
          {compared.length >= 2 ? (
            <a href={props.compareHref(compared)} className="text-sm text-accent underline">
              Compare side by side
            </a>
          ) : null}
        </div>
      </div>
      <div role="radiogroup" aria-labelledby={headingId} className="grid gap-3">
        <div className="grid grid-cols-1 items-stretch gap-4 @xl:grid-cols-2 @[58rem]:grid-cols-3 @[96rem]:grid-cols-4">
          {prompt.options.map((option, column) => {
            const image = tally?.images.find((entry) => entry.imageId === option.image.id);
            return (
              <ReviewOptionCard
                key={option.image.id}
                column={column}
                option={option}
                group={prompt.key}
                checked={props.picked === option.image.id}
                onPick={() => props.onPick(option.image.id)}
                onView={() => props.onView(option.image.id)}
                modelName={optionName(option, names)}
                params={props.paramsOf(option.image.id)}
                tally={image && tally ? { image, ballots: tally.ballots } : undefined}
                aspectRatio={prompt.aspectRatio}
                disabled={props.closed}
              />
            );
          })}
        </div>
        <label
          className={cn(
            "flex w-fit cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm",
            "has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent/60",
            noneChecked ? "border-accent ring-2 ring-accent" : "border-line hover:border-line-strong",
          )}
        >
          <input
            type="radio"
            name={prompt.key}
            value={NONE_PICK}
            checked={noneChecked}
            disabled={props.closed}
            onChange={() => props.onPick(NONE_PICK)}
            className="accent-accent"
          />
          None of these
          {tally && tally.none > 0 ? (
            <span className="text-xs text-fg-muted">
              · {tally.none} of {tally.ballots} {tally.ballots === 1 ? "vote" : "votes"}
            </span>
          ) : null}
        </label>
      </div>
      <div className="grid max-w-2xl gap-1.5">
        <label htmlFor={commentId} className="text-xs font-medium text-fg-muted">
          Comment on this prompt (optional)
        </label>
        <Input
          id={commentId}
          data-triage-note
          maxLength={COMMENT_MAX}
          value={props.comment}
          disabled={props.closed}
          onChange={(event) => props.onCommentChange(event.target.value)}
        />
      </div>
    </section>
  );
}
