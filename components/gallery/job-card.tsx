import { ImagePicks } from "@/components/picks/image-picks";
import { EditImageButton } from "@/components/media/edit-image";
import { cn } from "@/components/ui/cn";
import type { JobView } from "@/lib/api/views";
import { isTerminal } from "@/lib/models/job-status";
import { CellActions } from "./cell-actions";
import { JobCanceled, JobFailure, JobSeedLine, RetryNote } from "./cell-outcome";
import { JobImages } from "@/components/media/job-images";
import { jobCost } from "@/lib/labels/cost";
import { JobStatusBadge } from "./job-status-badge";
import { JobTiming } from "./job-timing";
import { TakeChoice } from "./take-choice";
import { TakeSwitcher } from "./take-switcher";
import type { Density } from "./use-density";

interface JobCardProps {
  /** The take on show. */
  job: JobView;
  /** Every take of the cell, oldest first. */
  takes: JobView[];
  /** What the cell shows: "FLUX.1 · dev (shortapi)", with the row in a matrix. */
  label: string;
  /** The heading; absent in a matrix, whose column header names the configuration. */
  heading?: { title: string; subtitle: string };
  provider: string;
  /** Image slots, the same in every cell of the run (same scale everywhere). */
  slots: number;
  density: Exclude<Density, "contact">;
  runId: string;
  onOpenImage: (imageId: string) => void;
  onPickTake: (take: number) => void;
  onNewTake: () => void;
}

export function JobCard(props: JobCardProps) {
  const { job, takes, label, heading, provider, slots, density, runId } = props;
  const compact = density === "compact";
  const cost = jobCost(job);
  // A compact cell that is simply done shows its images without a header: nodes add up over 48 cells.
  const quiet = compact && !heading && job.status === "succeeded" && takes.length < 2;
  return (
    <article
      aria-label={`Result from ${label}`}
      data-model-id={job.modelId}
      data-status={job.status}
      data-take={job.take}
      className={cn(
        "@container flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card",
        compact && "rounded-lg shadow-none",
      )}
    >
      {quiet ? null : (
        <header
          className={cn(
            "flex items-start justify-between gap-2",
            compact ? "px-2 pt-2 pb-1.5" : "px-4 pt-3.5 pb-3",
          )}
        >
          {heading ? (
            <div className="min-w-0">
              <h3 className="truncate text-sm font-semibold text-fg">{heading.title}</h3>
              <p className="truncate text-xs text-fg-subtle">{heading.subtitle}</p>
            </div>
          ) : (
            <TakeSwitcher takes={takes} shown={job} onPick={props.onPickTake} />
          )}
          <JobStatusBadge status={job.status} />
        </header>
      )}
      {heading && takes.length > 1 ? (
        <div className="-mt-2 px-3">
          <TakeSwitcher takes={takes} shown={job} onPick={props.onPickTake} />
        </div>
      ) : null}
      {takes.length > 1 ? (
        <div className={compact ? "px-2 pb-1" : "-mt-1.5 px-4 pb-2"}>
          <TakeChoice job={job} takes={takes} runId={runId} />
        </div>
      ) : null}

      <div className={cn(compact ? "px-2" : "px-3", quiet && "pt-2")}>
        {job.retryNote && !isTerminal(job.status) ? <RetryNote note={job.retryNote} /> : null}
        {job.status === "failed" ? (
          <JobFailure job={job} compact={compact} />
        ) : job.status === "canceled" ? (
          <JobCanceled job={job} provider={provider} />
        ) : (
          <JobImages
            job={job}
            label={label}
            onOpen={props.onOpenImage}
            slots={slots}
            selectable
            overlay={(image, name) => (
              <>
                <ImagePicks image={image} name={name} />
                <EditImageButton
                  imageId={image.id}
                  name={name}
                  variant="chip"
                  className="absolute bottom-2 left-2"
                />
              </>
            )}
          />
        )}
      </div>

      <footer
        className={cn("mt-auto grid gap-1.5 text-xs text-fg-muted", compact ? "p-2" : "px-4 pt-3 pb-3.5")}
      >
        {compact ? null : (
          <div className="flex items-center justify-between gap-3">
            <JobTiming job={job} />
            <span title={cost.title} className="tabular-nums">
              {cost.text}
            </span>
          </div>
        )}
        <JobSeedLine job={job} provider={provider} />
        {!compact && job.notes.length > 0 ? (
          <ul className="grid gap-1">
            {job.notes.map((note) => (
              <li key={note} className="rounded-md bg-warning-soft px-2 py-1 text-[11px] text-warning">
                {note}
              </li>
            ))}
          </ul>
        ) : null}
        <CellActions job={job} runId={runId} compact={compact} onNewTake={props.onNewTake} />
      </footer>
    </article>
  );
}
