import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { recordingBlobStore } from "@/lib/blobs/blob-ledger";
import { getDatabase, type DatabaseHandle } from "@/lib/db/client";
import { createDatabaseClock, type DatabaseClock } from "@/lib/db/clock";
import { logger } from "@/lib/logger";
import { leaseSeconds, providerConcurrency, publicUrl, runnerConcurrency } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { callbackUrlFor } from "@/lib/jobs/callbacks";
import { fetchProviderImage } from "@/lib/jobs/download-image";
import { createJobRunner } from "@/lib/jobs/runner/engine";
import { RUNNER_DEFAULTS, type JobRunner } from "@/lib/jobs/runner/types";
import { providerPollSchedule } from "@/lib/jobs/schedule";
import { PROVIDER_IDS } from "@/lib/models/types";
import { getProvider, providerEndpoint } from "@/lib/providers/registry";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createConfiguredBlobStore } from "@/lib/storage/configured-blob-store";
import { isShuttingDown } from "./shutdown-flag";

const blobStore = processSlot<BlobStore>("blobStore");
const jobRunner = processSlot<JobRunner>("jobRunner");
const currentInstanceId = processSlot<string>("instanceId");
const clock = processSlot<DatabaseClock>("databaseClock");

/** How often the database clock's offset is measured again. */
const CLOCK_SYNC_INTERVAL_MS = 60_000;

/**
 * The time every due time and deadline is written and compared in: the database's, so instances
 * whose clocks disagree agree on when a job is due and when it times out. Before the runner has
 * started (or once it is gone), this process's own clock.
 */
export function databaseNow(): Date {
  return clock.get()?.now() ?? new Date();
}

/** This process among the instances on the database: its leases' owner and its row in `instances`. */
export function instanceId(): string {
  return currentInstanceId.getOrCreate(
    () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
  );
}

/** The configured store, each write recorded in the database first for the orphan sweep (lib/blobs). */
export function getBlobStore(): BlobStore {
  return blobStore.getOrCreate(() =>
    recordingBlobStore(createConfiguredBlobStore(), async () => (await getDatabase()).db, databaseNow),
  );
}

async function startDatabaseClock(handle: DatabaseHandle): Promise<DatabaseClock> {
  const databaseClock = clock.getOrCreate(() => {
    const created = createDatabaseClock(handle.db);
    const resync = setInterval(() => {
      created.sync().catch((error: unknown) => logger.warn("Database clock sync failed", { error }));
    }, CLOCK_SYNC_INTERVAL_MS);
    resync.unref();
    return created;
  });
  // Unmeasured, the offset stays as it was (0 at first): the runner still runs, on this clock.
  await databaseClock.sync().catch((error: unknown) => logger.warn("Database clock sync failed", { error }));
  return databaseClock;
}

/** Creates and starts this process's runner once; never once the process is shutting down. */
export async function startJobRunner(handle: DatabaseHandle): Promise<JobRunner | undefined> {
  if (jobRunner.get() || isShuttingDown()) return jobRunner.get();
  const databaseClock = await startDatabaseClock(handle);
  if (jobRunner.get() || isShuttingDown()) return jobRunner.get();
  const runner = createJobRunner(
    {
      db: handle.db,
      blobStore: getBlobStore(),
      getProvider: (providerId) => getProvider(providerId),
      // Alone on its database (PGlite), every job is this instance's, as it always was.
      providerEndpoint: handle.exclusive ? undefined : providerEndpoint,
      fetchImage: fetchProviderImage,
      now: databaseClock.now,
      ownerId: instanceId(),
      pollSchedule: providerPollSchedule,
      callbackUrl: (job) => callbackUrlFor(publicUrl(), job.callbackToken),
    },
    {
      releaseStaleLeases: handle.exclusive,
      maxConcurrentJobs: runnerConcurrency() ?? RUNNER_DEFAULTS.maxConcurrentJobs,
      providerConcurrency: Object.fromEntries(
        PROVIDER_IDS.flatMap((providerId) => {
          const slots = providerConcurrency(providerId);
          return slots === undefined ? [] : [[providerId, slots]];
        }),
      ),
      leaseMs: leaseSeconds() * 1_000,
    },
  );
  jobRunner.set(runner);
  await runner.start();
  return runner;
}

/**
 * For a process about to exit: the runner claims nothing more, steps in flight get up to `graceMs`,
 * then every lease not in the middle of a provider create is released for another instance.
 */
export async function shutDownJobRunner(graceMs: number): Promise<void> {
  await jobRunner.get()?.shutdown(graceMs);
}

/** Tells the runner there is new work, so a fresh run does not wait for the next idle tick. */
export function pokeJobRunner(): void {
  jobRunner.get()?.poke();
}
