import "server-only";
import { getDatabase, isDatabaseReady } from "@/lib/db/client";
import { shutdownGraceSeconds } from "@/lib/env";
import { logger } from "@/lib/logger";
import { shutDownJobRunner } from "./runtime";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

const globalForShutdown = globalThis as typeof globalThis & {
  prismShutdownInstalled?: boolean;
  prismShuttingDown?: boolean;
};

/** True from the first SIGTERM/SIGINT on: /api/ready then answers 503 so load balancers move on. */
export function isShuttingDown(): boolean {
  return globalForShutdown.prismShuttingDown === true;
}

async function closeDatabase(): Promise<void> {
  if (!isDatabaseReady()) return;
  await (
    await getDatabase()
  )
    .close()
    .catch((error: unknown) => logger.error("Closing the database failed", { error }));
}

/**
 * Next's own handler for the same signals closes the HTTP server, lets the requests in flight
 * finish and then calls process.exit. Until the runner has handed its jobs back, that exit is held;
 * the database is closed last, after the requests that use it.
 */
function holdExitUntil(runnerStopped: Promise<void>): void {
  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (exiting) return undefined as never;
    exiting = true;
    void runnerStopped.then(closeDatabase).finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  if (globalForShutdown.prismShuttingDown) return;
  globalForShutdown.prismShuttingDown = true;
  const graceMs = shutdownGraceSeconds() * 1_000;
  logger.info("Shutting down: no new jobs are claimed", { signal, graceMs });
  const runnerStopped = shutDownJobRunner(graceMs).catch((error: unknown) =>
    logger.error("Stopping the job runner failed", { error }),
  );
  // Ours is the only handler (Next's is off with NEXT_MANUAL_SIG_HANDLE): exit once done.
  const nextHandlesSignal = process.listenerCount(signal) > 1;
  if (nextHandlesSignal) {
    holdExitUntil(runnerStopped);
    return;
  }
  await runnerStopped;
  await closeDatabase();
  process.exit(0);
}

/**
 * Clean shutdown on SIGTERM/SIGINT: stop claiming, let steps in flight finish up to
 * PRISM_SHUTDOWN_GRACE_SECONDS, release every lease not in the middle of a provider create (so
 * another instance takes those jobs at once), close the database, exit. Installed once per process.
 */
export function installShutdownHandlers(): void {
  if (globalForShutdown.prismShutdownInstalled) return;
  globalForShutdown.prismShutdownInstalled = true;
  for (const signal of SIGNALS) process.on(signal, () => void shutDown(signal));
}
