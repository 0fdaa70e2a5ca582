"use client";

import { ClockIcon } from "@/components/ui/icons";
import { useNow } from "@/lib/hooks/use-now";
import { isTerminal } from "@/lib/models/job-status";
import type { JobView } from "@/lib/api/views";
import { formatSeconds } from "@/components/ui/format";

export function JobTiming({ job }: { job: JobView }) {
  const done = isTerminal(job.status);
  const now = useNow(!done);
  const start = Date.parse(job.createdAt);
  const end = done && job.finishedAt ? Date.parse(job.finishedAt) : now;
  const elapsed = formatSeconds(end - start);
  return (
    <span
      className="inline-flex items-center gap-1 tabular-nums"
      aria-label={done ? `Took ${elapsed}` : `Elapsed ${elapsed}`}
    >
      <ClockIcon className="size-3.5" />
      {done ? `Took ${elapsed}` : elapsed}
    </span>
  );
}
