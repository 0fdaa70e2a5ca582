import "server-only";
import path from "node:path";
import { PROVIDER_IDS, type ProviderId } from "@/lib/models/types";
import type { S3Settings } from "@/lib/storage/s3-blob-store";

/** Server environment, read on demand so a changed variable needs no rebuild. Never sent to a browser. */

const KEY_VARIABLES: Record<ProviderId, string> = {
  shortapi: "SHORTAPI_KEY",
  pixazo: "PIXAZO_API_KEY",
  dashscope: "DASHSCOPE_API_KEY",
};

const BASE_URL_VARIABLES: Record<ProviderId, string> = {
  shortapi: "SHORTAPI_BASE_URL",
  pixazo: "PIXAZO_BASE_URL",
  dashscope: "DASHSCOPE_BASE_URL",
};

const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  shortapi: "https://api.shortapi.ai",
  pixazo: "https://gateway.pixazo.ai",
  dashscope: "https://dashscope-intl.aliyuncs.com/api/v1",
};

/** The simulator listens on SIMULATOR_PORT (control) and the next three ports, one per provider. */
const SIMULATOR_PORT_OFFSETS: Record<ProviderId, number> = { shortapi: 1, pixazo: 2, dashscope: 3 };
/** The simulator accepts any non-empty key; this one makes its requests look like real ones. */
export const SIMULATOR_API_KEY = "prism-simulator-key";

function read(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function dataDir(): string {
  // The comment keeps Turbopack from tracing the whole project through a runtime path.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), read("DATA_DIR") ?? ".data");
}

/** Where images live without a bucket: one directory per instance. */
export function localBlobDirectory(): string {
  return path.join(dataDir(), "blobs");
}

/** An S3-compatible bucket for images when S3_BUCKET is set (every instance then serves every image). */
export function objectStorageSettings(): S3Settings | undefined {
  const bucket = read("S3_BUCKET");
  if (!bucket) return undefined;
  const accessKeyId = read("S3_ACCESS_KEY_ID");
  const secretAccessKey = read("S3_SECRET_ACCESS_KEY");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together");
  }
  return {
    bucket,
    region: read("S3_REGION") ?? "us-east-1",
    endpoint: read("S3_ENDPOINT"),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: ["1", "true"].includes(read("S3_FORCE_PATH_STYLE")?.toLowerCase() ?? ""),
  };
}

export function databaseUrl(): string | undefined {
  return read("DATABASE_URL");
}

export function publicUrl(): string | undefined {
  return read("PUBLIC_URL")?.replace(/\/+$/, "");
}

/** When set, everything but share pages and a few public routes needs a session (lib/security/access-control.ts). */
export function accessToken(): string | undefined {
  return read("PRISM_ACCESS_TOKEN");
}

function positiveNumber(name: string): number | undefined {
  const value = Number(read(name));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Daily spending cap in USD across all runs, or undefined for none. */
export function dailyBudgetUsd(): number | undefined {
  return positiveNumber("PRISM_DAILY_BUDGET_USD");
}

const DEFAULT_RUNS_PER_MINUTE = 20;

/** Runs one client may create per minute; "0" turns the limit off. */
export function runsPerMinute(): number {
  const setting = read("PRISM_RATE_LIMIT_PER_MINUTE");
  return setting === "0" ? 0 : (positiveNumber("PRISM_RATE_LIMIT_PER_MINUTE") ?? DEFAULT_RUNS_PER_MINUTE);
}

/** Whether X-Forwarded-For comes from our own reverse proxy and may name the client. */
export function trustProxy(): boolean {
  return read("PRISM_TRUST_PROXY") === "1";
}

/** On exactly when no provider key is set, unless PRISM_SIMULATOR says otherwise. */
export function simulatorEnabled(): boolean {
  const setting = read("PRISM_SIMULATOR")?.toLowerCase();
  if (setting === "on") return true;
  if (setting === "off") return false;
  return PROVIDER_IDS.every((id) => !read(KEY_VARIABLES[id]));
}

export function simulatorPort(): number {
  return Number(read("SIMULATOR_PORT") ?? 4010);
}

export function simulatorHost(): string {
  return "127.0.0.1";
}

export interface ProviderSettings {
  /** Undefined when the provider has no key: it is then unavailable. */
  apiKey?: string;
  baseUrl: string;
  simulated: boolean;
}

export function providerSettings(providerId: ProviderId): ProviderSettings {
  if (simulatorEnabled()) {
    const port = simulatorPort() + SIMULATOR_PORT_OFFSETS[providerId];
    const root = `http://${simulatorHost()}:${port}`;
    return {
      apiKey: SIMULATOR_API_KEY,
      baseUrl: providerId === "dashscope" ? `${root}/api/v1` : root,
      simulated: true,
    };
  }
  return {
    apiKey: read(KEY_VARIABLES[providerId]),
    baseUrl: (read(BASE_URL_VARIABLES[providerId]) ?? DEFAULT_BASE_URLS[providerId]).replace(/\/+$/, ""),
    simulated: false,
  };
}
