import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";
import { processSlot } from "@/lib/process-state";
import { boot, bootStatus, isBooted, type BootStatus } from "./boot";
import { isShuttingDown } from "./shutdown-flag";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Load balancers probe often; one real query a second is plenty to notice the database going away. */
const CACHE_MS = 1_000;
/** A database that does not answer is as good as down: the probe must not hang with it. */
const PING_TIMEOUT_MS = 2_000;

/**
 * Answers "can this instance serve requests now?" from a real query, remembering the answer for
 * `cacheMs` so probes cost at most one query per interval, however many arrive.
 */
export function createReadinessCheck(options: {
  ping: () => Promise<void>;
  now: () => number;
  cacheMs?: number;
}): () => Promise<Readiness> {
  const cacheMs = options.cacheMs ?? CACHE_MS;
  let cached: { at: number; readiness: Promise<Readiness> } | undefined;
  return () => {
    const now = options.now();
    if (!cached || now - cached.at >= cacheMs) {
      cached = {
        at: now,
        readiness: Promise.resolve()
          .then(options.ping)
          .then(
            (): Readiness => ({ ready: true }),
            (): Readiness => ({ ready: false, reason: "The database does not answer" }),
          ),
      };
    }
    return cached.readiness;
  };
}

async function pingDatabase(): Promise<void> {
  const { db } = await getDatabase();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const readinessCheck = processSlot<() => Promise<Readiness>>("readinessCheck");

/** Why a boot is not complete yet, naming the first part missing. */
export function startingReason(status: BootStatus): string {
  if (!status.database) return "Starting: the database is not ready yet";
  if (!status.changeFeed) return "Starting: not yet listening for changes";
  return "Starting: the job runner has not started yet";
}

/** This instance's readiness: not shutting down, booted (every part), and its database answering. */
export async function readiness(): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "Shutting down" };
  if (!isBooted()) {
    // Starts (or retries) the boot in case instrumentation did not, without making the probe wait.
    void boot();
    return { ready: false, reason: startingReason(bootStatus()) };
  }
  return readinessCheck.getOrCreate(() => createReadinessCheck({ ping: pingDatabase, now: Date.now }))();
}
