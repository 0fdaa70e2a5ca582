import { isTerminal, type JobStatus } from "@/lib/models/job-status";

interface SpendingJob {
  id: string;
  status: JobStatus;
  costUsd?: number;
}

/**
 * Whether a new copy of a run may change today's spend: a job was added (its estimate is
 * reserved), settled (its cost is final) or reported a cost. A job starting or being retried
 * changes nothing anyone pays.
 */
export function changesSpend(previous: { jobs: SpendingJob[] }, next: { jobs: SpendingJob[] }): boolean {
  const before = new Map(previous.jobs.map((job) => [job.id, job]));
  return next.jobs.some((job) => {
    const earlier = before.get(job.id);
    if (!earlier) return true;
    return (isTerminal(job.status) && !isTerminal(earlier.status)) || job.costUsd !== earlier.costUsd;
  });
}
