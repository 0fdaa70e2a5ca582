import "server-only";
import type { DatabaseHandle } from "@/lib/db/client";
import { knownMigrationCount } from "@/lib/db/client";
import type { InstanceFingerprint } from "@/lib/db/instance-schema";
import {
  appliedMigrationCount,
  countJobsForOtherEndpoints,
  forgetInstancesUnseenFor,
  otherLiveInstances,
  recordInstance,
} from "@/lib/db/queries/instances";
import { objectStorageSettings } from "@/lib/env";
import { logger } from "@/lib/logger";
import { PROVIDER_IDS, type ProviderId } from "@/lib/models/types";
import { processSlot } from "@/lib/process-state";
import { providerEndpoint } from "@/lib/providers/registry";
import { instanceId } from "./job-runner";

/** How often an instance refreshes its row and compares itself with the others. */
const HEARTBEAT_MS = 5_000;
/** An instance not seen for this long is gone (stopped, or crashed). */
const LIVE_SECONDS = 30;
/** Rows of instances gone this long are removed. */
const FORGET_SECONDS = 24 * 60 * 60;

/** How this instance differs from the rest of the deployment; readiness reports it. */
export interface DriftStatus {
  /** One line per difference, empty when the instances agree. */
  warnings: string[];
  /** Unfinished jobs accepted for provider endpoints this instance lacks: left to those that have them. */
  jobsLeftForOthers: number;
}

const status = processSlot<DriftStatus>("driftStatus");
const watch = processSlot<NodeJS.Timeout>("driftWatch");

const endpoints = () =>
  Object.fromEntries(PROVIDER_IDS.map((id) => [id, providerEndpoint(id)])) as Record<
    ProviderId,
    string | null
  >;

/** What this instance can do: providers and their endpoints, where images go, the schema it knows. */
export function ownFingerprint(): InstanceFingerprint {
  const s3 = objectStorageSettings();
  return {
    providers: endpoints(),
    storage: s3 ? `s3:${s3.endpoint ?? "aws"}/${s3.bucket}` : "local disk",
    schema: knownMigrationCount(),
  };
}

const described = (value: string | number | null) => (value === null ? "no key" : String(value));

/** Each way another instance's fingerprint differs from `own`, in words naming both. */
export function fingerprintDifferences(
  own: InstanceFingerprint,
  others: { id: string; fingerprint: InstanceFingerprint }[],
): string[] {
  const lines = new Set<string>();
  for (const { id, fingerprint } of others) {
    const differ = (what: string, here: string | number | null, there: string | number | null) => {
      if (here !== there) lines.add(`${what}: ${described(here)} here, ${described(there)} on ${id}`);
    };
    for (const provider of new Set([...Object.keys(own.providers), ...Object.keys(fingerprint.providers)]))
      differ(provider, own.providers[provider] ?? null, fingerprint.providers[provider] ?? null);
    differ("storage", own.storage, fingerprint.storage);
    differ("schema (migrations known)", own.schema, fingerprint.schema);
  }
  return [...lines];
}

async function check(handle: DatabaseHandle): Promise<DriftStatus> {
  const own = ownFingerprint();
  await recordInstance(handle.db, instanceId(), own);
  const warnings = fingerprintDifferences(
    own,
    await otherLiveInstances(handle.db, instanceId(), LIVE_SECONDS),
  );
  const applied = await appliedMigrationCount(handle.db);
  if (applied > own.schema) {
    warnings.push(
      `schema: the database has ${applied} migrations, this build knows ${own.schema}; a newer build migrated it (migrations only expand, so this one serves on)`,
    );
  }
  // Alone on its database (PGlite), every job is this instance's.
  const jobsLeftForOthers = handle.exclusive ? 0 : await countJobsForOtherEndpoints(handle.db, own.providers);
  if (jobsLeftForOthers > 0) {
    warnings.push(
      `jobs: ${jobsLeftForOthers} unfinished jobs were accepted for provider endpoints this instance does not have; it leaves them to the instances that do`,
    );
  }
  return { warnings, jobsLeftForOthers };
}

async function checkAndReport(handle: DatabaseHandle): Promise<void> {
  const previous = status.get();
  const next = await check(handle);
  status.set(next);
  if (next.warnings.join("\n") === (previous?.warnings ?? []).join("\n")) return;
  if (next.warnings.length > 0) {
    logger.error("This instance's configuration differs from the deployment's", {
      instance: instanceId(),
      warnings: next.warnings,
    });
  } else if (previous) {
    logger.info("This instance's configuration matches the deployment's again", { instance: instanceId() });
  }
}

/**
 * Records this instance's fingerprint in the database and compares it with the others' every few
 * seconds, logging each change loudly; the first comparison is done before this resolves.
 */
export async function startDriftWatch(handle: DatabaseHandle): Promise<void> {
  if (watch.get()) return;
  await forgetInstancesUnseenFor(handle.db, FORGET_SECONDS);
  await checkAndReport(handle);
  const timer = setInterval(() => {
    checkAndReport(handle).catch((error: unknown) => logger.warn("Configuration check failed", { error }));
  }, HEARTBEAT_MS);
  timer.unref();
  watch.set(timer);
}

export function driftStatus(): DriftStatus {
  return status.get() ?? { warnings: [], jobsLeftForOthers: 0 };
}
