import { deliverCallback } from "./callbacks";
import type { SimulatorContext } from "./context";
import type { ProviderProtocol } from "./provider-server";
import type { SimJob } from "./saved-state";

/** What differs between providers once a job ends. */
export interface JobHandlers {
  /** Fills in the results of a job that just ended, e.g. issues its image URLs. */
  finish(job: SimJob): void;
  /** The body the callback receiver gets: the provider's own status answer. */
  report(job: SimJob): unknown;
  /** False for a saved job this build cannot run any more (its model is gone). */
  resumable(job: SimJob): boolean;
}

/** A provider with async jobs; index.ts saves and resumes them. */
export type AsyncProtocol = ProviderProtocol & { jobs: JobTimeline };

// Forget the oldest jobs past this so a long-running dev server does not grow without bound.
const MAX_JOBS = 20_000;

/** Moves jobs queued → running → done, one stepMs apart (read live at each step). */
export class JobTimeline {
  private readonly jobs = new Map<string, SimJob>();

  constructor(
    private readonly context: SimulatorContext,
    private readonly handlers: JobHandlers,
  ) {}

  start(job: SimJob): void {
    this.add(job);
    this.context.persistence.changed();
    this.context.schedule(() => this.advance(job), this.context.settings.stepMs);
  }

  get(id: string): SimJob | undefined {
    return this.jobs.get(id);
  }

  /** Oldest first. */
  list(): SimJob[] {
    return [...this.jobs.values()];
  }

  /**
   * Takes back jobs saved before a restart. Each moves on to where the wall clock says it should
   * be by now, as a real provider's jobs keep running while we are down; a finished job whose
   * callback never went out sends it now.
   */
  restore(jobs: SimJob[]): void {
    const resumable = jobs.filter((job) => this.handlers.resumable(job));
    for (const job of resumable) this.add(job);
    for (const job of resumable) {
      if (job.phase === "done") this.deliver(job);
      else this.advance(job);
    }
  }

  private add(job: SimJob): void {
    this.jobs.set(job.id, job);
    const oldest = this.jobs.keys().next().value;
    if (this.jobs.size > MAX_JOBS && oldest !== undefined) this.jobs.delete(oldest);
  }

  /** Takes the next step once stepMs has passed since the job entered its current phase. */
  private advance(job: SimJob): void {
    const due = job.updatedAt.getTime() + this.context.settings.stepMs;
    const wait = due - Date.now();
    if (wait > 0) {
      this.context.schedule(() => this.advance(job), wait);
      return;
    }
    // Stamped with when the step was due rather than now, so a job resumed after a restart
    // reports the timeline it would have had.
    job.updatedAt = new Date(due);
    this.context.persistence.changed();
    if (job.phase === "queued") {
      job.phase = "running";
      this.advance(job);
      return;
    }
    job.phase = "done";
    job.completedAt = job.updatedAt;
    this.handlers.finish(job);
    this.deliver(job);
  }

  private deliver(job: SimJob): void {
    if (!job.callbackUrl || job.callbackSettled) return;
    void deliverCallback(this.context, job.callbackUrl, this.handlers.report(job)).then(() => {
      // Cut short by close: left unsettled so the next start sends it.
      if (this.context.signal.aborted) return;
      job.callbackSettled = true;
      this.context.persistence.changed();
    });
  }
}
