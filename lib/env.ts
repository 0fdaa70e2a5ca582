import "server-only";
import path from "node:path";
import { z } from "zod";

/**
 * Server environment, read on demand so a changed variable needs no rebuild. Never sent to a browser.
 * Provider variables are named by each provider's descriptor and read through lib/providers/registry.ts.
 */

/** A variable that is set but unusable: the message names it, so start-up fails with a clear reason. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvironmentError";
  }
}

/** The simulator accepts any non-empty key; this one makes its requests look like real ones. */
export const SIMULATOR_API_KEY = "prism-simulator-key";

const DEFAULT_SIMULATOR_PORT = 4010;
const DEFAULT_RUNS_PER_MINUTE = 20;

const httpUrlSchema = z.url({ protocol: /^https?$/ });
const portSchema = z.coerce.number().int().min(1).max(65_535);
const positiveNumberSchema = z.coerce.number().positive();
const nonNegativeNumberSchema = z.coerce.number().min(0);
const simulatorSwitchSchema = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(["on", "off"]));

function read(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

/**
 * The variable's value checked by `schema`, or undefined when unset. `expected` completes
 * "NAME must be …"; the value is quoted unless it may hold a secret.
 */
function setting<T>(
  name: string,
  schema: z.ZodType<T>,
  expected: string,
  options: { secret?: boolean } = {},
): T | undefined {
  const value = read(name);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new EnvironmentError(`${name} must be ${expected}${options.secret ? "" : `, got "${value}"`}`);
}

/** Removes trailing slashes, so paths can be appended with a leading one. */
function trimSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}

export function dataDir(): string {
  // The comment keeps Turbopack from tracing the whole project through a runtime path.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), read("DATA_DIR") ?? ".data");
}

/** Where images live without a bucket: one directory per instance. */
export function localBlobDirectory(): string {
  return path.join(dataDir(), "blobs");
}

/** Where the bucket is and how to reach it, as the S3_* variables say (lib/storage's S3 store takes it). */
export interface S3Settings {
  bucket: string;
  region: string;
  /** For R2, MinIO and the like; unset means AWS itself. */
  endpoint?: string;
  /** Unset means the SDK's default chain (instance role, AWS_* variables...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path instead of the host name, which most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** S3_PRESIGNED_INPUTS: providers that fetch inputs by URL get presigned URLs of their objects. */
  presignedInputs?: boolean;
}

/** An S3-compatible bucket for images when S3_BUCKET is set (every instance then serves every image). */
export function objectStorageSettings(): S3Settings | undefined {
  const bucket = read("S3_BUCKET");
  if (!bucket) return undefined;
  const accessKeyId = read("S3_ACCESS_KEY_ID");
  const secretAccessKey = read("S3_SECRET_ACCESS_KEY");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new EnvironmentError("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together");
  }
  return {
    bucket,
    region: read("S3_REGION") ?? "us-east-1",
    endpoint: setting("S3_ENDPOINT", httpUrlSchema, "an http(s) URL"),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: ["1", "true"].includes(read("S3_FORCE_PATH_STYLE")?.toLowerCase() ?? ""),
    presignedInputs: ["1", "true"].includes(read("S3_PRESIGNED_INPUTS")?.toLowerCase() ?? ""),
  };
}

export function databaseUrl(): string | undefined {
  return setting("DATABASE_URL", z.string().regex(/^postgres(ql)?:\/\//), "a postgres:// URL", {
    secret: true,
  });
}

export function publicUrl(): string | undefined {
  const url = setting("PUBLIC_URL", httpUrlSchema, "an http(s) URL");
  return url === undefined ? undefined : trimSlashes(url);
}

/** When set, everything but share pages and a few public routes needs a session (lib/security/access-control.ts). */
export function accessToken(): string | undefined {
  return read("PRISM_ACCESS_TOKEN");
}

/** Daily spending cap in USD across all runs, or undefined for none. */
export function dailyBudgetUsd(): number | undefined {
  return setting("PRISM_DAILY_BUDGET_USD", positiveNumberSchema, "a positive amount in USD");
}

/** Runs one client may create per minute; "0" turns the limit off. */
export function runsPerMinute(): number {
  return (
    setting("PRISM_RATE_LIMIT_PER_MINUTE", nonNegativeNumberSchema, "a number of runs (0 = no limit)") ??
    DEFAULT_RUNS_PER_MINUTE
  );
}

/** A host name or bracketed IPv6 address, no port: what PRISM_ALLOWED_HOSTS lists. */
const hostListSchema = z
  .string()
  .transform((text) =>
    text
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((host) => host.toLowerCase()),
  )
  .pipe(z.array(z.string().regex(/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/)));

/** Host names besides PUBLIC_URL's and loopback that requests may address (lib/security/allowed-hosts.ts). */
export function allowedHosts(): string[] {
  return setting("PRISM_ALLOWED_HOSTS", hostListSchema, "host names (no port) separated by commas") ?? [];
}

/** Whether X-Forwarded-For comes from our own reverse proxy and may name the client. */
export function trustProxy(): boolean {
  return read("PRISM_TRUST_PROXY") === "1";
}

/** PRISM_SIMULATOR: "on", "off", or undefined to decide by whether any provider key is set. */
export function simulatorSetting(): "on" | "off" | undefined {
  return setting("PRISM_SIMULATOR", simulatorSwitchSchema, "on, off or empty");
}

/** The simulator's control port; each provider listens at an offset from it. */
export function simulatorPort(): number {
  return setting("SIMULATOR_PORT", portSchema, "a port number (1-65535)") ?? DEFAULT_SIMULATOR_PORT;
}

/** The port `npm start` serves on (PORT, default 3000). */
export function appPort(): number {
  return setting("PORT", portSchema, "a port number (1-65535)") ?? 3000;
}

export function simulatorHost(): string {
  return "127.0.0.1";
}

/** A provider's key and base-URL override, read from the variables its descriptor names. */
export function providerVariables(variables: { apiKey: string; baseUrl: string }): {
  apiKey?: string;
  baseUrl?: string;
} {
  const baseUrl = setting(variables.baseUrl, httpUrlSchema, "an http(s) URL");
  return {
    apiKey: read(variables.apiKey),
    baseUrl: baseUrl === undefined ? undefined : trimSlashes(baseUrl),
  };
}

const DEFAULT_LEASE_SECONDS = 30;
const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
const DEFAULT_PRESTOP_SECONDS = 3;
const slotCountSchema = z.coerce.number().int().min(1);

/**
 * Job steps in flight at once in this instance, all providers together; undefined leaves it to the
 * runner's own default (`RUNNER_DEFAULTS` in lib/jobs/runner/types.ts).
 */
export function runnerConcurrency(): number | undefined {
  return setting("PRISM_RUNNER_CONCURRENCY", slotCountSchema, "a whole number of at least 1");
}

/**
 * A provider's own share of those steps (its bulkhead), from PRISM_RUNNER_CONCURRENCY_<PROVIDER>,
 * e.g. PRISM_RUNNER_CONCURRENCY_PIXAZO; undefined leaves it to an equal share of the total.
 */
export function providerConcurrency(providerId: string): number | undefined {
  const name = `PRISM_RUNNER_CONCURRENCY_${providerId.toUpperCase()}`;
  return setting(name, slotCountSchema, "a whole number of at least 1");
}

/** How long a runner's claim on a job lasts without renewal: a crashed instance's jobs return after it. */
export function leaseSeconds(): number {
  return (
    setting("PRISM_LEASE_SECONDS", z.coerce.number().min(3), "a number of seconds (at least 3)") ??
    DEFAULT_LEASE_SECONDS
  );
}

/** On SIGTERM/SIGINT, how long the whole shutdown may take; the process exits by then whatever is left. */
export function shutdownGraceSeconds(): number {
  return (
    setting("PRISM_SHUTDOWN_GRACE_SECONDS", nonNegativeNumberSchema, "a number of seconds") ??
    DEFAULT_SHUTDOWN_GRACE_SECONDS
  );
}

/** Within that grace, how long readiness answers 503 while requests are still served, before the port closes. */
export function prestopSeconds(): number {
  return (
    setting("PRISM_PRESTOP_SECONDS", nonNegativeNumberSchema, "a number of seconds") ??
    DEFAULT_PRESTOP_SECONDS
  );
}

/** Long-polls (GET /api/runs/:id?wait=N) held at once per instance and per client; beyond, answered at once. */
export function heldWaitLimits(): { perInstance: number; perClient: number } {
  const count = (name: string) => setting(name, slotCountSchema, "a whole number of at least 1");
  return {
    perInstance: count("PRISM_MAX_HELD_WAITS") ?? 5_000,
    perClient: count("PRISM_MAX_HELD_WAITS_PER_CLIENT") ?? 100,
  };
}

/** Reads every general setting once, so a bad one stops the boot instead of failing a request later. */
export function checkEnvironment(): void {
  databaseUrl();
  objectStorageSettings();
  publicUrl();
  allowedHosts();
  dailyBudgetUsd();
  assumedImagePriceUsd("");
  runsPerMinute();
  simulatorSetting();
  simulatorPort();
  runnerConcurrency();
  leaseSeconds();
  heldWaitLimits();
  shutdownGraceSeconds();
  prestopSeconds();
}

/** USD per image the budget counts for a model whose provider publishes no price. */
const DEFAULT_ASSUMED_IMAGE_PRICE_USD = 0.01;

/** "<model id>=<usd>,…" → { "<model id>": usd }. */
const assumedPricesSchema = z
  .string()
  .transform((text) =>
    Object.fromEntries(
      text
        .split(",")
        .filter((entry) => entry.trim())
        .map((entry) => entry.split("=").map((part) => part.trim())),
    ),
  )
  .pipe(z.record(z.string().regex(/^[\w.-]+\/[\w.-]+$/), nonNegativeNumberSchema));

/**
 * The price per image assumed for an unpriced model: its entry in PRISM_ASSUMED_PRICES
 * ("<model id>=<usd>,…"), else PRISM_ASSUMED_IMAGE_PRICE_USD, else $0.01.
 */
export function assumedImagePriceUsd(modelId: string): number {
  const perModel = setting("PRISM_ASSUMED_PRICES", assumedPricesSchema, '"<model id>=<USD per image>,…"');
  return (
    perModel?.[modelId] ??
    setting("PRISM_ASSUMED_IMAGE_PRICE_USD", nonNegativeNumberSchema, "an amount in USD (0 or more)") ??
    DEFAULT_ASSUMED_IMAGE_PRICE_USD
  );
}
