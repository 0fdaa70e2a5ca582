import "server-only";
import type { Database } from "@/lib/db/client";
import { bootedDatabase } from "./boot";

export { databaseNow, getBlobStore, pokeJobRunner } from "./job-runner";

/**
 * The database for a request. Whichever comes first (instrumentation, a probe or a user's request)
 * completes the whole boot, so a database opened by a request always has the runner and the change
 * feed behind it; while it cannot be opened, this throws and the next call tries again.
 */
export async function getDb(): Promise<Database> {
  return (await bootedDatabase()).db;
}
