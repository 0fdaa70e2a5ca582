import "server-only";
import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { getDatabase, isDatabaseReady } from "@/lib/db/client";
import { prestopSeconds, shutdownGraceSeconds } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";
import { appHttpServer } from "./node-http-hooks";
import { shutDownJobRunner } from "./job-runner";
import { beginShutdown } from "./shutdown-flag";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
/** Of the grace, what is kept back for closing the database and exiting after the steps' share. */
const CLOSE_RESERVE_MS = 1_000;

const installed = processSlot<boolean>("signalHandlers");

/** Resolves once every connection has ended, or when `ms` have passed (the rest are cut then). */
async function stopAccepting(server: Server | undefined, ms: number): Promise<void> {
  if (!server) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets with no request in flight go now; a balancer opens a new connection elsewhere.
  server.closeIdleConnections();
  await Promise.race([closed, sleep(ms)]);
  server.closeAllConnections();
}

async function closeDatabase(): Promise<void> {
  if (!isDatabaseReady()) return;
  await (await getDatabase()).close();
}

/**
 * The whole shutdown, all within PRISM_SHUTDOWN_GRACE_SECONDS of the signal:
 * 1. The flag goes up (shutdown-flag.ts): readiness answers 503, every held long-poll is answered
 *    at once, and the runner claims nothing new; steps in flight go on.
 * 2. For PRISM_PRESTOP_SECONDS requests are still served, so a load balancer sees the 503 and
 *    moves on before the port closes.
 * 3. The HTTP server stops accepting; the requests in flight finish.
 * 4. Steps in flight get what is left of the grace (less a reserve), then every lease not in the
 *    middle of a provider create is released for another instance; the database is closed last.
 * 5. Exit, by the deadline whatever is left.
 */
async function shutDown(signal: NodeJS.Signals): Promise<void> {
  if (!beginShutdown()) {
    logger.warn("Second signal during shutdown: exiting now", { signal });
    process.exit(1);
  }
  const graceMs = shutdownGraceSeconds() * 1_000;
  const deadline = Date.now() + graceMs;
  const left = () => Math.max(0, deadline - Date.now());
  setTimeout(() => {
    logger.warn("Shutdown grace over: exiting with work left", { graceMs });
    process.exit(1);
  }, graceMs);
  const prestopMs = Math.min(prestopSeconds() * 1_000, graceMs);
  logger.info("Shutting down: not ready, long-polls answered, no new jobs claimed", {
    signal,
    graceMs,
    prestopMs,
  });
  const runnerStopped = shutDownJobRunner(Math.max(0, graceMs - CLOSE_RESERVE_MS)).catch((error: unknown) =>
    logger.error("Stopping the job runner failed", { error }),
  );
  await sleep(prestopMs);
  const server = appHttpServer();
  logger.info("Shutting down: no new connections", { serverKnown: server !== undefined });
  await Promise.all([stopAccepting(server, Math.max(0, left() - CLOSE_RESERVE_MS)), runnerStopped]);
  await closeDatabase().catch((error: unknown) => logger.error("Closing the database failed", { error }));
  logger.info("Shut down", { tookMs: graceMs - left() });
  process.exit(0);
}

/**
 * Installs the SIGTERM/SIGINT handlers once per process. `npm start` sets NEXT_MANUAL_SIG_HANDLE,
 * so Next installs none of its own: its handler would close the port at once and exit as soon as
 * the requests in flight end, before the runner handed its jobs back. Next keeps its HTTP server
 * to itself; node-http-hooks.ts remembers it from the first request, which is how step 3 closes it
 * (with no request ever served, there is nothing to drain and the exit closes the port).
 */
export function installSignalHandlers(): void {
  if (installed.get()) return;
  installed.set(true);
  if (!process.env.NEXT_MANUAL_SIG_HANDLE && process.env.NODE_ENV === "production") {
    logger.warn("NEXT_MANUAL_SIG_HANDLE is not set: Next's own handler may exit before the shutdown ends");
  }
  for (const signal of SIGNALS) process.on(signal, () => void shutDown(signal));
}
