import "server-only";
import path from "node:path";
import { getDatabase } from "@/lib/db/client";
import { appPort, checkEnvironment, dataDir, publicUrl, simulatorHost, simulatorPort } from "@/lib/env";
import { logger } from "@/lib/logger";
import { checkProviderSettings, simulatorEnabled } from "@/lib/providers/registry";
import { startJobRunner } from "./runtime";

const globalForBoot = globalThis as typeof globalThis & { prismBoot?: Promise<void> };

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
  if (simulatorEnabled()) await startBuiltInSimulator();
  const database = await getDatabase();
  await startJobRunner(database);
}

/**
 * Starts the simulator (when on), opens and migrates the database and starts the job runner, once
 * per process. Never throws: a failure is logged, /api/health keeps answering 503, and the next
 * call tries again.
 */
export function boot(): Promise<void> {
  globalForBoot.prismBoot ??= bootOnce().catch((error: unknown) => {
    logger.error("Boot failed", { error });
    globalForBoot.prismBoot = undefined;
  });
  return globalForBoot.prismBoot;
}
