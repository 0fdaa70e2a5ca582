import "server-only";
import { AppError } from "@/lib/errors";
import { processSlot } from "@/lib/process-state";
import type { StorageHealth } from "@/lib/storage/blob-store";
import { getBlobStore } from "./runtime";

/** A probe writes a file, so it is repeated at most this often however many runs come in. */
const CHECK_INTERVAL_MS = 5_000;

// Per process on purpose: each instance has its own disk, and its own way to the bucket.
const lastCheck = processSlot<{ checkedAt: number; health: Promise<StorageHealth> }>("storageHealth");

/** Whether images can be stored now, for readiness probes and the run guard; checked every few seconds. */
export function storageHealth(now = Date.now()): Promise<StorageHealth> {
  const last = lastCheck.get();
  if (last && now - last.checkedAt < CHECK_INTERVAL_MS) return last.health;
  const store = getBlobStore();
  const health = store.health ? store.health() : Promise.resolve({ writable: true });
  lastCheck.set({ checkedAt: now, health });
  return health;
}

/**
 * Refuses a new run (paid work) while its images could not be stored: 507 when the disk is full,
 * else 503 with Retry-After (the bucket or disk is checked again by then).
 */
export async function assertStorageWritable(): Promise<void> {
  const { writable, reason = "storage unavailable" } = await storageHealth();
  if (writable) return;
  throw new AppError(
    reason === "disk full" ? "insufficient_storage" : "service_unavailable",
    `Prism cannot store images right now (${reason}), so it takes no new runs until it can.`,
    { headers: { "Retry-After": String(CHECK_INTERVAL_MS / 1_000) } },
  );
}
