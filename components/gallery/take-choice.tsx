"use client";

import { CheckIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { JobView } from "@/lib/api/views";
import { useJobAction } from "@/lib/hooks/use-job-action";
import { countingTake, missedTakes } from "@/lib/models/takes";

interface TakeChoiceProps {
  /** The take on show. */
  job: JobView;
  /** Every take of its cell, oldest first. */
  takes: JobView[];
  runId: string;
}

const LINK =
  "inline-flex min-h-6 items-center gap-1 rounded px-1 font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent";

/** The other take "Compare with take n" pairs the shown one with: the first with an image, else the one that counts. */
function compareTarget(job: JobView, takes: JobView[]): JobView | undefined {
  const pictured = takes.filter((take) => take.id !== job.id && take.images.length > 0);
  const first = pictured[0];
  if (first && first.take < job.take) return first;
  const counting = countingTake(takes);
  return counting && counting.id !== job.id && counting.images.length > 0 ? counting : pictured.at(-1);
}

/**
 * On a cell with several takes: whether the shown take is the one that counts (or "Use this take"
 * to make it so), "Compare with take 1", and the later takes that failed or were canceled.
 */
export function TakeChoice({ job, takes, runId }: TakeChoiceProps) {
  const choose = useJobAction(runId, "choose");
  if (takes.length < 2) return null;
  const counts = countingTake(takes)?.id === job.id;
  const other = job.images.length > 0 ? compareTarget(job, takes) : undefined;
  const missed = missedTakes(takes, job);
  // The older take on the left.
  const ids = other ? [other, job].sort((a, b) => a.take - b.take).map((take) => take.images[0]!.id) : [];
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[11px] text-fg-muted">
      {job.status !== "succeeded" ? null : counts ? (
        <span className="inline-flex min-h-6 items-center gap-1 font-medium text-fg">
          <CheckIcon className="size-3.5 text-accent" />
          Using this take
        </span>
      ) : (
        <button
          type="button"
          className={LINK}
          aria-disabled={choose.isPending || undefined}
          title="Make this take the one the lightbox, contact sheet, share link and ZIP use"
          onClick={() => !choose.isPending && choose.mutate(job.id)}
        >
          {choose.isPending ? <Spinner className="size-3" /> : null}
          Use this take
        </button>
      )}
      {other ? (
        <a href={`/compare?images=${ids.map(encodeURIComponent).join(",")}`} className={LINK}>
          Compare with take {other.take}
        </a>
      ) : null}
      {missed.length > 0 ? (
        <span>{missed.map((take) => `take ${take.take} ${take.status}`).join(", ")}</span>
      ) : null}
      {choose.error ? (
        <p role="alert" className="basis-full rounded-md bg-danger-soft px-2 py-1 text-danger">
          {choose.error.message}
        </p>
      ) : null}
    </div>
  );
}
