import "server-only";
import os from "node:os";
import path from "node:path";
import { startOrphanSweeper } from "@/lib/blobs/orphan-sweep";
import { startChangeFeed, subscribeChanges } from "@/lib/changes/change-feed";
import { getDatabase, type DatabaseHandle } from "@/lib/db/client";
import { sweepInterruptedUploads } from "@/lib/inputs/upload-files";
import { appPort, checkEnvironment, dataDir, publicUrl, simulatorHost, simulatorPort } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";
import { checkProviderSettings, simulatorEnabled } from "@/lib/providers/registry";
import { reviewerKey } from "@/lib/reviews/reviewer-key";
import { followChange } from "@/lib/runs/finished-run-cache";
import { sweepInterruptedWrites } from "@/lib/storage/configured-blob-store";
import { startDriftWatch } from "./instance-drift";
import { startStatisticsKeeper } from "./planner-statistics";
import { databaseNow, getBlobStore, startJobRunner } from "./job-runner";
import { isShuttingDown } from "./shutdown-flag";
import { installSignalHandlers } from "./lifecycle";

const currentBoot = processSlot<Promise<DatabaseHandle>>("boot");
const simulatorStarted = processSlot<Promise<void>>("simulator");
const parts = processSlot<BootStatus>("bootStatus");

/** What a boot has done so far; readiness reports each part. */
export interface BootStatus {
  /** Opened and migrated. */
  database: boolean;
  /** LISTENing for other instances' changes (long-polls and caches follow them). */
  changeFeed: boolean;
  /** Claiming jobs. */
  runner: boolean;
}

const NOTHING_BOOTED: BootStatus = { database: false, changeFeed: false, runner: false };

export function bootStatus(): BootStatus {
  return parts.get() ?? NOTHING_BOOTED;
}

/** True once every part is up: only then do health and readiness answer 200. */
export function isBooted(): boolean {
  return Object.values(bootStatus()).every(Boolean);
}

function booted(part: keyof BootStatus): void {
  parts.set({ ...bootStatus(), [part]: true });
}

/** A simulator that cannot start (port taken) fails its jobs with a clear reason; the app still runs. */
async function startBuiltInSimulator(): Promise<void> {
  try {
    const { startSimulator } = await import("@/lib/simulator");
    const { loopbackOrigins } = await import("@/lib/simulator/control-access");
    const publicOrigin = publicUrl();
    const simulator = await startSimulator({
      host: simulatorHost(),
      appOrigins: [...loopbackOrigins(appPort()), ...(publicOrigin ? [new URL(publicOrigin).origin] : [])],
      port: simulatorPort(),
      stateDir: path.join(dataDir(), "simulator"),
    });
    logger.info("Simulator on: results are simulated", { urls: simulator.urls });
  } catch (error) {
    logger.error("Simulator failed to start", { port: simulatorPort(), error });
  }
}

/** Every step may run again after a failed boot; each does its work once. */
async function bootOnce(): Promise<DatabaseHandle> {
  // A bad setting stops here with a message naming its variable, not as a NaN port later.
  checkEnvironment();
  checkProviderSettings();
  installSignalHandlers();
  if (simulatorEnabled()) await simulatorStarted.getOrCreate(startBuiltInSimulator);
  // Files older than this process were being written when an earlier one died.
  const removed = await sweepInterruptedWrites(new Date(Date.now() - process.uptime() * 1_000));
  if (removed > 0) logger.info("Removed temporary files of interrupted image writes", { removed });
  const uploads = await sweepInterruptedUploads(new Date(Date.now() - process.uptime() * 1_000));
  if (uploads > 0) logger.info("Removed temporary files of interrupted uploads", { removed: uploads });
  const database = await getDatabase();
  booted("database");
  // The proxy signs share-page visitors' reviewer cookies with it (lib/reviews/reviewer-cookie.ts).
  await reviewerKey(database.db);
  // Before the runner: a mismatch with the other instances is logged before any job is taken.
  await startDriftWatch(database);
  subscribeChanges(followChange);
  await startChangeFeed(database);
  booted("changeFeed");
  if (await startJobRunner(database)) booted("runner");
  // On the database clock, like the ledger's write times: instances whose clocks disagree by more
  // than the grace period still never remove a blob another is writing.
  startOrphanSweeper(
    database.db,
    getBlobStore(),
    `${os.hostname()}:${process.pid}`,
    isShuttingDown,
    databaseNow,
  );
  // Embedded PGlite has no autovacuum: without statistics a prompt search may loop per row.
  startStatisticsKeeper(database, isShuttingDown);
  return database;
}

/**
 * The booted database: the simulator started (when on), the database opened and migrated, the
 * change feed listening and the job runner started, once per process. A failed boot is logged and
 * rejects; the next call tries again from the step that failed.
 */
export function bootedDatabase(): Promise<DatabaseHandle> {
  return currentBoot.getOrCreate(() =>
    bootOnce().catch((error: unknown) => {
      logger.error("Boot failed", { error });
      currentBoot.set(undefined);
      throw error;
    }),
  );
}

/** bootedDatabase() for callers that only start it (instrumentation, probes): never throws. */
export function boot(): Promise<void> {
  return bootedDatabase().then(
    () => undefined,
    () => undefined,
  );
}
