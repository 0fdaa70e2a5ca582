import "server-only";
import type { NextRequest } from "next/server";
import type { Database } from "@/lib/db/client";
import { enforceRunRateLimit } from "@/lib/security/request-limits";
import { assertStorageWritable } from "./storage-health";

/**
 * What every request that starts paid work passes before anything is stored (a new run, another take
 * of a cell): the per-client rate limit, and storage that can take the images. The daily budget is
 * checked later, inside the transaction that stores the work.
 */
export async function admitPaidWork(db: Database, request: NextRequest): Promise<void> {
  await enforceRunRateLimit(db, request);
  // Before anything is paid for: a provider's images would have nowhere to go.
  await assertStorageWritable();
}
