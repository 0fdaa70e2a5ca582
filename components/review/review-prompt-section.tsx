"use client";

import type { PromptTally, ReviewPrompt } from "@/lib/api/review-views";
import type { ParamLabel } from "@/lib/labels/params";
import { optionName } from "@/lib/labels/names";
import { ReviewOptionCard } from "./review-option-card";

interface ReviewPromptSectionProps {
  prompt: ReviewPrompt;
  /** 1-based, with the total, for "Prompt 1 of 2". */
  position: number;
  total: number;
  picked: string | undefined;
  onPick: (imageId: string) => void;
  onView: (imageId: string) => void;
  /** Model names by id (namesInContext), empty while a blind review hides them. */
  names: Map<string, string>;
  paramsOf: (imageId: string) => ParamLabel[];
  tally: PromptTally | undefined;
  compareHref: (imageIds: string[]) => string;
}

const MAX_COMPARED = 4;

/** One question of a review: the prompt, and its images as one radio group. */
export function ReviewPromptSection(props: ReviewPromptSectionProps) {
  const { prompt, names, tally } = props;
  const headingId = `prompt-${prompt.key}`;
  const compared = prompt.options.slice(0, MAX_COMPARED).map((option) => option.image.id);
  return (
    <section aria-labelledby={headingId} className="@container grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid max-w-4xl gap-1">
          <p className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
            Prompt {props.position} of {props.total}
          </p>
          <h2
            id={headingId}
            className="text-base leading-relaxed font-normal text-pretty whitespace-pre-wrap"
          >
            {prompt.prompt}
          </h2>
        </div>
        {compared.length >= 2 ? (
          <a href={props.compareHref(compared)} className="text-sm text-accent underline">
            Compare side by side
          </a>
        ) : null}
      </div>
      <div
        role="radiogroup"
        aria-labelledby={headingId}
        className="grid grid-cols-1 items-stretch gap-4 @xl:grid-cols-2 @[58rem]:grid-cols-3 @[96rem]:grid-cols-4"
      >
        {prompt.options.map((option) => {
          const image = tally?.images.find((entry) => entry.imageId === option.image.id);
          return (
            <ReviewOptionCard
              key={option.image.id}
              option={option}
              group={prompt.key}
              checked={props.picked === option.image.id}
              onPick={() => props.onPick(option.image.id)}
              onView={() => props.onView(option.image.id)}
              modelName={optionName(option, names)}
              params={props.paramsOf(option.image.id)}
              tally={image && tally ? { image, ballots: tally.ballots } : undefined}
            />
          );
        })}
      </div>
    </section>
  );
}
