import { AlertIcon } from "@/components/ui/icons";
import type { JobView } from "@/lib/api/views";
import { jobCost, modelLabel } from "./format";
import { JobImages } from "./job-images";
import { JobStatusBadge } from "./job-status-badge";
import { JobTiming } from "./job-timing";

interface JobCardProps {
  job: JobView;
  onOpenImage: (imageId: string) => void;
}

export function JobCard({ job, onOpenImage }: JobCardProps) {
  const { name, provider } = modelLabel(job.modelId);
  const label = `${name} (${provider})`;
  const cost = jobCost(job);
  return (
    <article
      aria-label={`Result from ${label}`}
      data-model-id={job.modelId}
      data-status={job.status}
      className="@container flex flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card"
    >
      <header className="flex items-start justify-between gap-3 px-4 pt-3.5 pb-3">
        <div className="min-w-0">
          <h3 className="truncate text-sm font-semibold text-fg">{name}</h3>
          <p className="truncate text-xs text-fg-subtle">{provider}</p>
        </div>
        <JobStatusBadge status={job.status} />
      </header>

      <div className="px-3">
        {job.status === "failed" || job.status === "canceled" ? (
          <div
            role="alert"
            className="flex min-h-40 flex-col justify-center gap-2 rounded-lg border border-danger/25 bg-danger-soft px-4 py-5 text-danger"
          >
            <p className="flex items-center gap-2 text-sm font-semibold">
              <AlertIcon className="size-4 shrink-0" />
              {job.status === "canceled" ? "Canceled" : "Generation failed"}
            </p>
            <p className="text-sm leading-snug text-fg">
              {job.error?.message ?? "The provider returned no reason."}
            </p>
            {job.error?.code ? <p className="font-mono text-[11px] text-fg-muted">{job.error.code}</p> : null}
          </div>
        ) : (
          <JobImages job={job} label={label} onOpen={onOpenImage} selectable />
        )}
      </div>

      <footer className="mt-auto grid gap-2 px-4 pt-3 pb-3.5 text-xs text-fg-muted">
        <div className="flex items-center justify-between gap-3">
          <JobTiming job={job} />
          <span title={cost.title} className="tabular-nums">
            {cost.text}
          </span>
        </div>
        {job.notes.length > 0 ? (
          <ul className="grid gap-1">
            {job.notes.map((note) => (
              <li key={note} className="rounded-md bg-warning-soft px-2 py-1 text-[11px] text-warning">
                {note}
              </li>
            ))}
          </ul>
        ) : null}
      </footer>
    </article>
  );
}
