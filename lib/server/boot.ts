import "server-only";
import path from "node:path";
import { startChangeFeed, subscribeChanges } from "@/lib/changes/change-feed";
import { getDatabase } from "@/lib/db/client";
import { appPort, checkEnvironment, dataDir, publicUrl, simulatorHost, simulatorPort } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";
import { checkProviderSettings, simulatorEnabled } from "@/lib/providers/registry";
import { followChange } from "@/lib/runs/finished-run-cache";
import { sweepInterruptedWrites } from "@/lib/storage/configured-blob-store";
import { startJobRunner } from "./runtime";
import { installSignalHandlers } from "./lifecycle";

const currentBoot = processSlot<Promise<void>>("boot");

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

async function bootOnce(): Promise<void> {
  // A bad setting stops here with a message naming its variable, not as a NaN port later.
  checkEnvironment();
  checkProviderSettings();
  installSignalHandlers();
  if (simulatorEnabled()) await startBuiltInSimulator();
  // Files older than this process were being written when an earlier one died.
  const removed = await sweepInterruptedWrites(new Date(Date.now() - process.uptime() * 1_000));
  if (removed > 0) logger.info("Removed temporary files of interrupted image writes", { removed });
  const database = await getDatabase();
  subscribeChanges(followChange);
  await startChangeFeed(database);
  await startJobRunner(database);
}

/**
 * Starts the simulator (when on), opens and migrates the database and starts the job runner, once
 * per process. Never throws: a failure is logged, /api/health and /api/ready keep answering 503,
 * and the next call tries again.
 */
export function boot(): Promise<void> {
  return currentBoot.getOrCreate(() =>
    bootOnce().catch((error: unknown) => {
      logger.error("Boot failed", { error });
      currentBoot.set(undefined);
    }),
  );
}
