"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { namesInContext, optionName } from "@/lib/labels/names";
import type { ReviewPrompt, ReviewView, VoteResponse } from "@/lib/api/review-views";
import type { VoteBody } from "@/lib/api/gallery-requests";
import { apiPost } from "@/lib/http/api-client";
import type { ParamLabel } from "@/lib/labels/params";
import { LazyReviewTriage } from "./lazy-review-triage";
import { ReviewBallotForm, type BallotStatus } from "./review-ballot-form";
import { SendPicksBar } from "./send-picks-bar";
import { ReviewImageDialog } from "./review-image-dialog";
import { NONE_PICK, ReviewPromptSection } from "./review-prompt-section";
import { voteErrorMessage } from "./vote-error";

interface Ballot {
  /** Per prompt key: an image id or NONE_PICK. */
  picks: Record<string, string>;
  /** Per prompt key, the comment on it. */
  comments: Record<string, string>;
  comment: string;
  name: string;
}

type FiledPick = { promptKey: string; imageId: string | null; none: boolean; comment?: string | null };

function picksOf(picks: FiledPick[]): Pick<Ballot, "picks" | "comments"> {
  return {
    picks: Object.fromEntries(
      picks.flatMap((pick) =>
        pick.none ? [[pick.promptKey, NONE_PICK]] : pick.imageId ? [[pick.promptKey, pick.imageId]] : [],
      ),
    ),
    comments: Object.fromEntries(
      picks.flatMap((pick) => (pick.comment ? [[pick.promptKey, pick.comment]] : [])),
    ),
  };
}

function ballotOf(review: ReviewView): Ballot {
  return {
    ...picksOf(
      review.prompts.map((prompt) => ({
        promptKey: prompt.key,
        imageId: prompt.pickedImageId,
        none: prompt.none,
        comment: prompt.comment,
      })),
    ),
    comment: review.comment ?? "",
    name: review.reviewerName ?? "",
  };
}

const entries = (record: Record<string, string>) =>
  JSON.stringify(
    Object.entries(record)
      .map(([key, value]) => [key, value.trim()])
      .filter(([, value]) => value)
      .sort(),
  );

const sameBallot = (a: Ballot, b: Ballot) =>
  a.comment.trim() === b.comment.trim() &&
  a.name.trim() === b.name.trim() &&
  entries(a.picks) === entries(b.picks) &&
  entries(a.comments) === entries(b.comments);

/** Consecutive prompts of one edit run share its inputs: the page shows them once, above the first. */
const sameInputs = (prompt: ReviewPrompt, previous: ReviewPrompt | undefined) =>
  previous !== undefined &&
  prompt.inputs.map((input) => input.id).join() === previous.inputs.map((input) => input.id).join();

/**
 * A share page that asks for picks: per prompt its images as a radio group, then the comment, the
 * name and the button that files them. The reviewer's earlier ballot comes back filled in.
 */
export function ReviewGallery({
  slug,
  review,
  paramsByImage,
}: {
  slug: string;
  review: ReviewView;
  /** Parameters as labels by image id, where the page may show them (never in a blind review). */
  paramsByImage: Record<string, ParamLabel[]>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(() => ballotOf(review));
  const [ballot, setBallot] = useState(saved);
  const [status, setStatus] = useState<BallotStatus>({ kind: "idle" });
  const [viewing, setViewing] = useState<string | null>(null);
  const [pairwiseRow, setPairwiseRow] = useState<number | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const names = useMemo(
    () =>
      namesInContext([
        ...new Set(
          review.prompts.flatMap((prompt) => prompt.options.flatMap((option) => option.modelId ?? [])),
        ),
      ]),
    [review.prompts],
  );
  const viewedPrompt = review.prompts.find((prompt) =>
    prompt.options.some((option) => option.image.id === viewing),
  );
  const viewed = viewedPrompt?.options.find((option) => option.image.id === viewing) ?? null;
  const path = `/g/${encodeURIComponent(slug)}`;
  const api = `/api/galleries/${encodeURIComponent(slug)}`;
  const hasBallot = Object.keys(saved.picks).length > 0;
  const pickFor = (promptKey: string, imageId: string) =>
    setBallot((current) => ({ ...current, picks: { ...current.picks, [promptKey]: imageId } }));

  // The one component that calls the API itself instead of a hook of lib/hooks: the share page
  // ships no TanStack Query (its first-load budget), so the ballot is a plain POST (lib/hooks/README.md).
  const send = async () => {
    setStatus({ kind: "sending" });
    const body: VoteBody = {
      picks: Object.entries(ballot.picks).map(([promptKey, picked]) => {
        const comment = ballot.comments[promptKey]?.trim() || undefined;
        return picked === NONE_PICK
          ? { promptKey, none: true as const, comment }
          : { imageId: picked, comment };
      }),
      comment: ballot.comment.trim() || undefined,
      reviewerName: ballot.name.trim() || undefined,
    };
    try {
      const answer = await apiPost<VoteResponse>(`${api}/votes`, body);
      const filed = { ...ballot, ...picksOf(answer.picks) };
      setSaved(filed);
      setBallot(filed);
      setStatus({ kind: "saved" });
      // Once revealed, the tally on this page includes this ballot only after a fresh render.
      if (review.revealed) router.refresh();
    } catch (error) {
      setStatus({ kind: "error", message: voteErrorMessage(error) });
    }
  };

  return (
    <form
      ref={form}
      className="grid gap-10"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <LazyReviewTriage
        root={form}
        prompts={review.prompts}
        closed={!review.open}
        onPick={pickFor}
        pairwiseRow={pairwiseRow}
        onPairwiseRow={setPairwiseRow}
      />
      {review.prompts.map((prompt, index) => (
        <ReviewPromptSection
          key={prompt.key}
          prompt={prompt}
          showInputs={!sameInputs(prompt, review.prompts[index - 1])}
          position={index + 1}
          total={review.prompts.length}
          picked={ballot.picks[prompt.key]}
          onPick={(imageId) => pickFor(prompt.key, imageId)}
          onPairwise={() => setPairwiseRow(index)}
          comment={ballot.comments[prompt.key] ?? ""}
          onCommentChange={(comment) =>
            setBallot((current) => ({ ...current, comments: { ...current.comments, [prompt.key]: comment } }))
          }
          closed={!review.open}
          onView={setViewing}
          names={names}
          paramsOf={(imageId) => paramsByImage[imageId] ?? []}
          tally={review.tally?.prompts.find((entry) => entry.key === prompt.key)}
          compareHref={(ids) => `${path}/compare?images=${ids.map(encodeURIComponent).join(",")}`}
        />
      ))}
      <ReviewBallotForm
        picked={Object.keys(ballot.picks).length}
        prompts={review.prompts.length}
        comment={ballot.comment}
        onCommentChange={(comment) => setBallot((current) => ({ ...current, comment }))}
        name={ballot.name}
        onNameChange={(name) => setBallot((current) => ({ ...current, name }))}
        hasBallot={hasBallot}
        changed={!sameBallot(ballot, saved)}
        status={status}
        closed={!review.open}
      />
      <SendPicksBar
        picked={Object.keys(ballot.picks).length}
        prompts={review.prompts.length}
        hasBallot={hasBallot}
        sending={status.kind === "sending"}
      />
      <ReviewImageDialog
        option={viewed}
        input={viewedPrompt?.inputs[0]}
        modelName={viewed ? optionName(viewed, names) : undefined}
        downloadHref={viewed ? `${api}/images/${encodeURIComponent(viewed.image.id)}/download` : ""}
        onClose={() => setViewing(null)}
      />
    </form>
  );
}
