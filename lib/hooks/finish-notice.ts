import type { JobStatus } from "@/lib/models/job-status";

interface FinishedRun {
  prompt: string;
  jobs: readonly { status: JobStatus }[];
}

/** The tab title a finished run leaves on a hidden tab: "✓ 3/3 · Prism", or "✗" when nothing succeeded. */
export function finishedTitle(run: FinishedRun): string {
  const done = run.jobs.filter((job) => job.status === "succeeded").length;
  return `${done > 0 ? "✓" : "✗"} ${done}/${run.jobs.length} · Prism`;
}

/** The browser notification's text for the same moment. */
export function finishedNotice(run: FinishedRun): { title: string; body: string } {
  const done = run.jobs.filter((job) => job.status === "succeeded").length;
  const failed = run.jobs.length - done;
  const counts = `${done} of ${run.jobs.length} jobs done${failed > 0 ? `, ${failed} failed` : ""}`;
  const prompt = run.prompt.length > 80 ? `${run.prompt.slice(0, 79).trimEnd()}…` : run.prompt;
  return { title: `Run finished: ${counts}`, body: prompt };
}
