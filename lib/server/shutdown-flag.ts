import "server-only";
import { processSlot } from "@/lib/process-state";

/** Aborted once, when the process begins to shut down (lifecycle.ts): the one "shutting down" flag. */
const shutdown = processSlot<AbortController>("shutdown");
const controller = () => shutdown.getOrCreate(() => new AbortController());

/** Raises the flag; false when it was already raised. */
export function beginShutdown(): boolean {
  if (controller().signal.aborted) return false;
  controller().abort();
  return true;
}

/** True from the first SIGTERM/SIGINT on: readiness answers 503 and the runner claims nothing new. */
export function isShuttingDown(): boolean {
  return controller().signal.aborted;
}

/** Aborted when shutdown begins, so a held long-poll answers at once instead of holding the exit. */
export function shutdownSignal(): AbortSignal {
  return controller().signal;
}
