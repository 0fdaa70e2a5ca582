import "server-only";
import type { Database } from "@/lib/db/client";
import { renewLeases } from "@/lib/db/queries/jobs";
import type { Logger } from "@/lib/logger";

/** A job a runner holds, with when its lease runs out as far as the runner knows (on its `now` clock). */
export interface HeldLease {
  leaseUntil: number;
}

/**
 * Renews the leases of the jobs in `held` every third of a lease. Each renewal that went through
 * moves their known end, which bounds how long a step's result may wait for the database
 * (./outcome-write.ts). The timer keeps no process alive.
 */
export function startLeaseHeartbeat(options: {
  db: Database;
  ownerId: string;
  leaseMs: number;
  held: Map<string, HeldLease>;
  now: () => Date;
  log: Logger;
}): NodeJS.Timeout {
  const { db, ownerId, leaseMs, held, now, log } = options;
  const heartbeat = setInterval(() => {
    // Taken before the renewal: the lease the database sets ends no sooner than this.
    const [entries, leaseUntil] = [[...held.values()], now().getTime() + leaseMs];
    renewLeases(db, ownerId, [...held.keys()], leaseMs).then(
      () => entries.forEach((entry) => (entry.leaseUntil = leaseUntil)),
      (error: unknown) => log.error("Lease renewal failed", { error }),
    );
  }, leaseMs / 3);
  heartbeat.unref();
  return heartbeat;
}
