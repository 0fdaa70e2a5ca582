import type { SimulatorContext } from "./context";
import type { JobOutcome } from "./outcomes";

export type JobPhase = "queued" | "running" | "done";

/** The part of a simulated async job that moves over time; providers add their own fields. */
export interface TimelineJob {
  id: string;
  phase: JobPhase;
  outcome: JobOutcome;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

// Forget the oldest jobs past this so a long-running dev server does not grow without bound.
const MAX_JOBS = 20_000;

/** Moves jobs queued → running → done, one stepMs apart (read live at each step). */
export class JobTimeline<J extends TimelineJob> {
  private readonly jobs = new Map<string, J>();

  constructor(private readonly context: SimulatorContext) {}

  start(job: J, onDone: (job: J) => void): void {
    this.jobs.set(job.id, job);
    const oldest = this.jobs.keys().next().value;
    if (this.jobs.size > MAX_JOBS && oldest !== undefined) this.jobs.delete(oldest);
    const advance = (phase: JobPhase) => {
      job.phase = phase;
      job.updatedAt = new Date();
      if (phase === "running") {
        this.context.schedule(() => advance("done"), this.context.settings.stepMs);
        return;
      }
      job.completedAt = job.updatedAt;
      onDone(job);
    };
    this.context.schedule(() => advance("running"), this.context.settings.stepMs);
  }

  get(id: string): J | undefined {
    return this.jobs.get(id);
  }
}
