"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { namesInContext, optionName } from "@/lib/labels/names";
import type { ReviewView, VoteResponse } from "@/lib/api/review-views";
import type { VoteBody } from "@/lib/api/gallery-requests";
import { apiPost } from "@/lib/http/api-client";
import type { ParamLabel } from "@/lib/labels/params";
import { ReviewBallotForm, type BallotStatus } from "./review-ballot-form";
import { SendPicksBar } from "./send-picks-bar";
import { ReviewImageDialog } from "./review-image-dialog";
import { ReviewPromptSection } from "./review-prompt-section";
import { voteErrorMessage } from "./vote-error";

interface Ballot {
  picks: Record<string, string>;
  comment: string;
  name: string;
}

function ballotOf(review: ReviewView): Ballot {
  return {
    picks: Object.fromEntries(
      review.prompts.flatMap((prompt) => (prompt.pickedImageId ? [[prompt.key, prompt.pickedImageId]] : [])),
    ),
    comment: review.comment ?? "",
    name: review.reviewerName ?? "",
  };
}

const sameBallot = (a: Ballot, b: Ballot) =>
  a.comment.trim() === b.comment.trim() &&
  a.name.trim() === b.name.trim() &&
  JSON.stringify(Object.entries(a.picks).sort()) === JSON.stringify(Object.entries(b.picks).sort());

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
  const names = useMemo(
    () =>
      namesInContext([
        ...new Set(
          review.prompts.flatMap((prompt) => prompt.options.flatMap((option) => option.modelId ?? [])),
        ),
      ]),
    [review.prompts],
  );
  const options = review.prompts.flatMap((prompt) => prompt.options);
  const viewed = options.find((option) => option.image.id === viewing) ?? null;
  const path = `/g/${encodeURIComponent(slug)}`;
  const api = `/api/galleries/${encodeURIComponent(slug)}`;
  const hasBallot = Object.keys(saved.picks).length > 0;

  // The one component that calls the API itself instead of a hook of lib/hooks: the share page
  // ships no TanStack Query (its first-load budget), so the ballot is a plain POST (lib/hooks/README.md).
  const send = async () => {
    setStatus({ kind: "sending" });
    const body: VoteBody = {
      picks: Object.values(ballot.picks).map((imageId) => ({ imageId })),
      comment: ballot.comment.trim() || undefined,
      reviewerName: ballot.name.trim() || undefined,
    };
    try {
      const answer = await apiPost<VoteResponse>(`${api}/votes`, body);
      const filed = {
        ...ballot,
        picks: Object.fromEntries(answer.picks.map((pick) => [pick.promptKey, pick.imageId])),
      };
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
      className="grid gap-10"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {review.prompts.map((prompt, index) => (
        <ReviewPromptSection
          key={prompt.key}
          prompt={prompt}
          position={index + 1}
          total={review.prompts.length}
          picked={ballot.picks[prompt.key]}
          onPick={(imageId) =>
            setBallot((current) => ({ ...current, picks: { ...current.picks, [prompt.key]: imageId } }))
          }
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
      />
      <SendPicksBar
        picked={Object.keys(ballot.picks).length}
        prompts={review.prompts.length}
        hasBallot={hasBallot}
        sending={status.kind === "sending"}
      />
      <ReviewImageDialog
        option={viewed}
        modelName={viewed ? optionName(viewed, names) : undefined}
        downloadHref={viewed ? `${api}/images/${encodeURIComponent(viewed.image.id)}/download` : ""}
        onClose={() => setViewing(null)}
      />
    </form>
  );
}
