import type { Database } from "@/lib/db/client";
import type { JobRow } from "@/lib/db/schema";
import type { Logger } from "@/lib/logger";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { FetchImage } from "../download-image";
import { DATABASE_RETRY_BACKOFF } from "./outcome-write";
import { DEFAULT_RETRY_BACKOFF, type PollSchedule, type RetryBackoff } from "../schedule";

/** The job runner's contract: what it needs, what can be tuned, and what it offers. */

export interface JobRunnerDependencies {
  db: Database;
  blobStore: BlobStore;
  /** Null when the provider has no key configured. */
  getProvider: (providerId: ProviderId) => ImageProvider | null;
  fetchImage: FetchImage;
  now: () => Date;
  /**
   * On a database other instances share: this instance's endpoint for a provider (null without a
   * key). Only jobs accepted for the same endpoint are claimed, none of a provider it lacks.
   * Undefined: every job is this runner's (embedded PGlite).
   */
  providerEndpoint?: (providerId: ProviderId) => string | null;
  /** Unique per runner instance; written into the leases it takes. */
  ownerId: string;
  pollSchedule?: (providerId: ProviderId) => PollSchedule;
  /** Where the provider may notify us about this job (PUBLIC_URL set), or undefined. */
  callbackUrl?: (job: JobRow) => string | undefined;
  logger?: Logger;
}

export interface JobRunnerOptions {
  /** How long a claim stays valid without renewal; a crashed runner's jobs return after this. */
  leaseMs?: number;
  /** From the first submit until a job still pending at its provider is given up. */
  deadlineMs?: number;
  /** Steps in flight at once on this runner, all providers together. */
  maxConcurrentJobs?: number;
  /**
   * Each provider's own slots within that total (one number for all, or per provider); by default
   * an equal share of it, so a hung provider never holds the others' slots.
   */
  providerConcurrency?: number | Partial<Record<ProviderId, number>>;
  /** Longest sleep between two looks for due work (other instances may have created some). */
  idleIntervalMs?: number;
  /** For an exclusive database: drop leases left by an earlier process at start. */
  releaseStaleLeases?: boolean;
  /** Backstops for adapters that never answer. A submit cut off here counts as outcome unknown. */
  submitTimeoutMs?: number;
  pollTimeoutMs?: number;
  retryBackoff?: RetryBackoff;
  /** Between tries of writing a step's result while the database is unreachable (./outcome-write.ts). */
  databaseRetryBackoff?: RetryBackoff;
}

export interface JobRunner {
  /** Starts the background loop. Idempotent. */
  start(): Promise<void>;
  /** Stops taking work and waits for the steps in flight. */
  stop(): Promise<void>;
  /**
   * For a process that is about to exit: stops claiming for good, lets the steps in flight finish
   * for up to `graceMs`, then releases every lease still held except those of jobs whose create
   * request is out (see releaseLeasesOf). Resolves with the number of steps left unfinished.
   */
  shutdown(graceMs: number): Promise<number>;
  /** Look for due work now, e.g. right after a run was created. */
  poke(): void;
  /** Claims due jobs and starts one step for each; resolves once they are claimed, not finished. */
  tick(): Promise<number>;
  /** Resolves when every step in flight has finished. */
  settle(): Promise<void>;
}

export const RUNNER_DEFAULTS = {
  leaseMs: 30_000,
  deadlineMs: 5 * 60_000,
  // The one default: the server reads PRISM_RUNNER_CONCURRENCY and falls back to it.
  maxConcurrentJobs: 48,
  idleIntervalMs: 2_000,
  releaseStaleLeases: false,
  submitTimeoutMs: 180_000,
  pollTimeoutMs: 60_000,
  retryBackoff: DEFAULT_RETRY_BACKOFF,
  databaseRetryBackoff: DATABASE_RETRY_BACKOFF,
} satisfies Required<Omit<JobRunnerOptions, "providerConcurrency">>;
