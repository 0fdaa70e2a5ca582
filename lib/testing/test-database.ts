import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";

/** An in-memory PGlite with every migration applied. Costs seconds: share one per test file. */
export function openTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ engine: "pglite", dataDir: "memory://" });
}

/** An Idempotency-Key of POST /api/runs as one client sends it. */
export const runKey = (key: string) => ({ scope: "address:127.0.0.1", route: "POST /api/runs", key });

export async function emptyDatabase({ db }: DatabaseHandle): Promise<void> {
  await db.execute(
    sql`truncate table run_inputs, inputs, images, jobs, runs, spend_ledger, rate_limits, idempotency_keys, blobs, upkeep_leases cascade`,
  );
}
