/** Isomorphic: the job lifecycle shared by the database, the runner, the API and the browser. */
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TERMINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "canceled"]);

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.has(status);
}

/**
 * A run is finished when every job is terminal. Finished is not frozen: stars and notes still change
 * it, and another take or a retry adds a queued job, which makes it unfinished again.
 */
export function isRunFinished(run: { jobs: readonly { status: JobStatus }[] }): boolean {
  return run.jobs.every((job) => isTerminal(job.status));
}
