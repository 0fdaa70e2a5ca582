import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { unzipSync } from "fflate";
import type { Client } from "pg";
import type { JobView } from "../../lib/api/views";
import { isRunFinished } from "../../lib/models/job-status";
import { appClient, type ModelEntry } from "../../lib/testing/app-client";
import type { StandaloneSimulator } from "../../lib/testing/standalone-simulator";

/** One model per provider, so every protocol is exercised on both instances. */
export const CLUSTER_MODELS = ["shortapi/z-image", "pixazo/z-image-turbo", "dashscope/z-image-turbo"];

/** A prompt no other run of the test contains, so its provider calls can be told apart. */
export const taggedPrompt = (tag: string) => `a lighthouse, variant [${tag}]`;

let catalog: Promise<ModelEntry[]> | undefined;

/** The body of a run of these models with their default parameters, as the playground sends it. */
export async function runBody(baseUrl: string, tag: string, modelIds = CLUSTER_MODELS) {
  catalog ??= appClient(baseUrl).modelEntries();
  const models = (await catalog).filter((model) => modelIds.includes(model.modelId));
  expect(models).toHaveLength(modelIds.length);
  return { prompt: taggedPrompt(tag), models };
}

export function postRun(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export async function createRunOn(baseUrl: string, tag: string): Promise<string> {
  const response = await postRun(baseUrl, await runBody(baseUrl, tag));
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

/** Provider create requests (POSTs to a provider API, not image downloads) per prompt tag. */
export async function createsByTag(
  simulator: StandaloneSimulator,
  tags: string[],
): Promise<Map<string, string[]>> {
  const calls = await simulator.control.calls();
  const creates = new Map(tags.map((tag) => [tag, [] as string[]]));
  for (const call of calls) {
    if (call.method !== "POST" || call.path.startsWith("/cdn/")) continue;
    const text = JSON.stringify(call.body);
    for (const tag of tags) if (text.includes(`[${tag}]`)) creates.get(tag)!.push(call.provider);
  }
  return creates;
}

/** Polls until every job of every run is terminal, on whichever instance is given. */
export async function waitAllTerminal(baseUrl: string, runIds: string[], timeout = 120_000) {
  const results = new Map<string, JobView[]>();
  await expect
    .poll(
      async () => {
        for (const runId of runIds) {
          if (results.has(runId)) continue;
          const run = await appClient(baseUrl).getRun(runId);
          if (isRunFinished(run)) results.set(runId, run.jobs);
        }
        return results.size;
      },
      { timeout, intervals: [250] },
    )
    .toBe(runIds.length);
  return results;
}

export async function fetchBytes(
  url: string,
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The entries of a downloaded ZIP, by name. */
export async function zipEntries(url: string): Promise<Record<string, Uint8Array>> {
  const { status, type, bytes } = await fetchBytes(url);
  expect(status, url).toBe(200);
  expect(type).toBe("application/zip");
  return unzipSync(new Uint8Array(bytes));
}

/** Polls `probe` until it is true, failing after `deadlineMs`: the behaviour under test is the delay. */
export async function holdsWithin(deadlineMs: number, probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await probe()) ? Date.now() - started : Number.POSITIVE_INFINITY;
}

/** Every process of a server's process group (`next start` may fork its server). */
export function processGroup(leaderPid: number): Set<string> {
  const output = execFileSync("ps", ["-o", "pid=", "-g", String(leaderPid)], { encoding: "utf8" });
  return new Set(
    output
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

export interface LeaseSample {
  at: number;
  /** Job id → lease owner, for every leased job. */
  leases: Map<string, string>;
}

/** Samples the jobs' lease owners every `intervalMs` until stopped (lease owners are "host:pid:…"). */
export function sampleLeases(client: Client, intervalMs = 20) {
  const samples: LeaseSample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      // Taken before the query, so a lease seen in this sample existed no later than `at`.
      const at = Date.now();
      const { rows } = await client.query<{ id: string; lease_owner: string }>(
        "select id, lease_owner from jobs where lease_owner is not null",
      );
      samples.push({ at, leases: new Map(rows.map((row) => [row.id, row.lease_owner])) });
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
  };
}

export const ownerPid = (owner: string) => owner.split(":")[1] ?? "";
