/**
 * The fault matrix (docs/providers.md §9): every provider fault the simulator can stage,
 * driven through the real adapters, the real safe fetcher and the job runner on in-memory PGlite.
 * Each case asserts what the job ends as and what the provider saw (GET /calls), never how long
 * anything took.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getRunView } from "@/lib/views/run-views";
import { jobs } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { MODELS } from "@/lib/models/catalog";
import { providerName } from "@/lib/models/providers";
import { PROVIDER_IDS, type ProviderId } from "@/lib/models/types";
import type { SimulatorClient } from "@/lib/simulator/client";
import {
  createRealRunner,
  startSimulatedProviders,
  type SimulatedProviders,
} from "@/lib/testing/simulated-providers";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "../create-run";
import type { JobStatus } from "@/lib/models/job-status";
import type { JobRunner, JobRunnerOptions } from "./types";

/** Every provider: a new one is in the matrix at once, and MODEL_OF asks for its model. */
const PROVIDERS = PROVIDER_IDS;
/** The providers whose jobs are polled (add a new asynchronous one here); DashScope answers the submit itself. */
const POLLED = ["shortapi", "pixazo"] as const satisfies ProviderId[];

const MODEL_OF: Record<ProviderId, string> = {
  shortapi: "shortapi/z-image",
  pixazo: "pixazo/z-image-turbo",
  dashscope: "dashscope/z-image-turbo",
};

/** Small backoff so a case with a few retries takes a moment; Retry-After is still honoured in full. */
const RUNNER_OPTIONS: JobRunnerOptions = {
  idleIntervalMs: 50,
  retryBackoff: { baseMs: 40, capMs: 200 },
  submitTimeoutMs: 5_000,
  pollTimeoutMs: 5_000,
};

let handle: DatabaseHandle;
let providers: SimulatedProviders;
let blobDirectory: string;
let runner: JobRunner | undefined;
const unhandledRejections: unknown[] = [];
const collectRejection = (reason: unknown) => unhandledRejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", collectRejection);
  [handle, providers, blobDirectory] = await Promise.all([
    openTestDatabase(),
    startSimulatedProviders({ stepMs: 20, key: "fault-matrix-key" }),
    mkdtemp(path.join(os.tmpdir(), "prism-fault-matrix-")),
  ]);
});

afterAll(async () => {
  await Promise.all([handle.close(), providers.close(), rm(blobDirectory, { recursive: true, force: true })]);
  process.off("unhandledRejection", collectRejection);
  expect(unhandledRejections).toEqual([]);
});

beforeEach(async () => {
  await emptyDatabase(handle);
  await providers.control.reset();
});

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

const fault = (rule: Parameters<SimulatorClient["fault"]>[0]) => providers.control.fault(rule);
const calls = (provider: ProviderId) => providers.control.calls(provider);

/** Create requests, the ones that may cost money: every provider creates with a POST. */
const creates = async (provider: ProviderId) =>
  (await calls(provider)).filter((call) => call.method === "POST");
const imageDownloads = async (provider: ProviderId) =>
  (await calls(provider)).filter((call) => call.path.startsWith("/cdn/"));

async function startRunner(options: JobRunnerOptions = {}): Promise<void> {
  runner = createRealRunner(
    handle.db,
    blobDirectory,
    {
      ownerId: "fault-matrix",
      // Every case provokes retries on purpose; only errors are worth printing.
      logger: { ...logger, info: () => undefined, warn: () => undefined },
    },
    { ...RUNNER_OPTIONS, ...options },
  );
  await runner.start();
}

async function startRun(providers: readonly ProviderId[]): Promise<string> {
  const models = providers.map((provider) => {
    const model = MODELS.find((candidate) => candidate.id === MODEL_OF[provider]);
    if (!model) throw new Error(`no model for ${provider}`);
    return {
      modelId: model.id,
      params: { ...model.mapSharedSettings({ aspectRatio: "1:1", numImages: 1 }).params },
    };
  });
  const run = await createRun(
    handle.db,
    createRunBodySchema.parse({ prompt: "a kite over the dunes", models }),
  );
  return run.id;
}

async function jobsOf(runId: string) {
  const view = await getRunView(handle.db, runId);
  if (!view) throw new Error("run vanished");
  return view.jobs;
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "canceled"]);

/** Runs one job of `provider` to a terminal state and returns it. */
async function runToEnd(provider: ProviderId, options: JobRunnerOptions = {}) {
  await startRunner(options);
  const runId = await startRun([provider]);
  await expect
    .poll(async () => TERMINAL.has((await jobsOf(runId))[0]?.status ?? "queued"), {
      timeout: 25_000,
      interval: 50,
    })
    .toBe(true);
  await runner?.stop();
  const [job] = await jobsOf(runId);
  if (!job) throw new Error("run without a job");
  return job;
}

function expectStoredOnce(job: Awaited<ReturnType<typeof runToEnd>>): void {
  expect(job.status, job.error?.message).toBe("succeeded");
  expect(job.images).toHaveLength(1);
  expect(job.images[0]?.url).toMatch(/^\/api\/files\//);
}

describe.each(PROVIDERS)("%s submit faults", (provider) => {
  it("429 with Retry-After, then success: waits at least Retry-After and creates once more", async () => {
    await fault({ provider, on: "submit", kind: "status", status: 429, retryAfter: 1 });
    expectStoredOnce(await runToEnd(provider));
    const [refused, accepted] = await creates(provider);
    expect(await creates(provider)).toHaveLength(2);
    // The provider's own clock: the second create came no sooner than the Retry-After it asked for.
    expect(Date.parse(accepted?.at ?? "") - Date.parse(refused?.at ?? "")).toBeGreaterThanOrEqual(1_000);
  });

  it("500, then success", async () => {
    await fault({ provider, on: "submit", kind: "status", status: 500 });
    expectStoredOnce(await runToEnd(provider));
    expect(await creates(provider)).toHaveLength(2);
  });

  it("502 HTML from a gateway, then success", async () => {
    await fault({ provider, on: "submit", kind: "html" });
    expectStoredOnce(await runToEnd(provider));
    expect(await creates(provider)).toHaveLength(2);
  });

  it("502 HTML that never stops: a clear failure after a bounded number of creates", async () => {
    await fault({ provider, on: "submit", kind: "html", count: -1 });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.message).toContain("expected JSON, got HTML (HTTP 502)");
    expect((await creates(provider)).length).toBeLessThanOrEqual(5);
  });

  it("dropped connection: outcome unknown, failed with a clear message, created exactly once", async () => {
    await fault({ provider, on: "submit", kind: "drop" });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("submit_outcome_unknown");
    expect(job.error?.message).toMatch(
      /may still have accepted the request.*Not sent again, to avoid paying twice/,
    );
    expect(await creates(provider)).toHaveLength(1);
  });

  it("truncated JSON answer: outcome unknown, never resent", async () => {
    await fault({ provider, on: "submit", kind: "truncated" });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("submit_outcome_unknown");
    expect(job.error?.message).toContain("invalid or truncated JSON");
    expect(await creates(provider)).toHaveLength(1);
  });

  it("content-policy failure", async () => {
    await providers.control.outcome({ provider, outcome: "content_policy" });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("content_policy");
    expect(job.error?.message.startsWith(`${providerName(provider)}:`)).toBe(true);
  });

  it("provider 401: failed without retrying, and the key is not in the message", async () => {
    await providers.control.settings({ apiKeys: ["another-key"] });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("unauthorized");
    expect(job.error?.message).not.toContain("fault-matrix-key");
    expect(await creates(provider)).toHaveLength(1);
  });

  it('image URL already expired: failed "image expired" after a bounded number of downloads', async () => {
    await providers.control.settings({ imageTtlMs: 0 });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("image_expired");
    expect(job.error?.message).toMatch(/image expired \(403\)/);
    expect((await imageDownloads(provider)).length).toBe(1);
  });

  it("image download fails with 503 once, then is stored", async () => {
    await fault({ provider, on: "image", kind: "status", status: 503 });
    expectStoredOnce(await runToEnd(provider));
    expect(await imageDownloads(provider)).toHaveLength(2);
  });
});

const UNKNOWN_STATUS_BODIES: Record<(typeof POLLED)[number], unknown> = {
  shortapi: { code: 0, data: { job_id: "x", status: "exploded", result: null } },
  pixazo: { request_id: "x", status: "EXPLODED", output: null },
};

describe.each(POLLED)("%s poll faults", (provider) => {
  it("429 with Retry-After, then success: the job is created once", async () => {
    await fault({ provider, on: "poll", kind: "status", status: 429, retryAfter: 1 });
    expectStoredOnce(await runToEnd(provider));
    expect(await creates(provider)).toHaveLength(1);
  });

  it("500, then success", async () => {
    await fault({ provider, on: "poll", kind: "status", status: 500, count: 2 });
    expectStoredOnce(await runToEnd(provider));
    expect(await creates(provider)).toHaveLength(1);
  });

  it("502 HTML, then success", async () => {
    await fault({ provider, on: "poll", kind: "html" });
    expectStoredOnce(await runToEnd(provider));
  });

  it("dropped connection during a poll: recovers", async () => {
    await fault({ provider, on: "poll", kind: "drop" });
    expectStoredOnce(await runToEnd(provider));
    expect(await creates(provider)).toHaveLength(1);
  });

  it("truncated JSON once: polled again and recovers", async () => {
    await fault({ provider, on: "poll", kind: "truncated" });
    expectStoredOnce(await runToEnd(provider));
  });

  it("truncated JSON forever: a clear failure after a bounded number of polls", async () => {
    await fault({ provider, on: "poll", kind: "truncated", count: -1 });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.message).toContain("invalid or truncated JSON");
    const polls = (await calls(provider)).filter(
      (call) => call.method === "GET" && !call.path.startsWith("/cdn/"),
    );
    expect(polls.length).toBeLessThanOrEqual(10);
  });

  it("unknown status value: a clear failed state", async () => {
    await fault({ provider, on: "poll", kind: "status", status: 200, body: UNKNOWN_STATUS_BODIES[provider] });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("unknown_status");
    expect(job.error?.message).toMatch(/unknown status "(exploded|EXPLODED)"/);
  });

  it("the provider fails the job: failed with the provider's reason", async () => {
    await providers.control.outcome({ provider, outcome: "error" });
    const job = await runToEnd(provider);
    expect(job.status).toBe("failed");
    expect(job.error?.message.startsWith(`${providerName(provider)}:`)).toBe(true);
  });
});

describe("provider-specific faults", () => {
  it.each(["pixazo", "shortapi"] as const)(
    "%s 402: failed as insufficient balance, no retry",
    async (provider) => {
      await fault({ provider, on: "submit", kind: "status", status: 402 });
      const job = await runToEnd(provider);
      expect(job.status).toBe("failed");
      expect(job.error?.code).toBe("insufficient_balance");
      expect(job.error?.message).toMatch(/insufficient balance/i);
      expect(await creates(provider)).toHaveLength(1);
    },
  );

  it("DashScope 200 without an image: outcome unknown, never resent", async () => {
    await fault({
      provider: "dashscope",
      on: "submit",
      kind: "status",
      status: 200,
      body: { output: { choices: [] } },
    });
    const job = await runToEnd("dashscope");
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("submit_outcome_unknown");
    expect(await creates("dashscope")).toHaveLength(1);
  });

  it("DashScope throttled (Throttling.RateQuota 429), then success", async () => {
    await fault({ provider: "dashscope", on: "submit", kind: "status", status: 429 });
    expectStoredOnce(await runToEnd("dashscope"));
  });
});

describe("a hung provider", () => {
  it("that never answers a submit does not hold up the other providers' jobs", async () => {
    await fault({ provider: "pixazo", on: "submit", kind: "delay", delayMs: 20_000 });
    // The backstop only has to outlast the other two jobs, which a loaded machine can slow down.
    await startRunner({ submitTimeoutMs: 10_000 });
    const runId = await startRun(["pixazo", "shortapi", "dashscope"]);
    // The other two finish while pixazo's create is still unanswered.
    await expect
      .poll(async () => (await jobsOf(runId)).map((job) => job.status), { timeout: 20_000, interval: 50 })
      .toEqual(["running", "succeeded", "succeeded"]);
    await expect
      .poll(async () => (await jobsOf(runId))[0]?.status, { timeout: 20_000, interval: 50 })
      .toBe("failed");
    expect((await jobsOf(runId))[0]?.error?.code).toBe("submit_outcome_unknown");
    expect(await creates("pixazo")).toHaveLength(1);
  });

  it("whose polls hang past the deadline times the job out, while the others finish", async () => {
    await fault({ provider: "shortapi", on: "poll", kind: "delay", delayMs: 20_000, count: -1 });
    await startRunner({ pollTimeoutMs: 300, deadlineMs: 3_000 });
    const runId = await startRun(["shortapi", "pixazo", "dashscope"]);
    await expect
      .poll(async () => (await jobsOf(runId)).map((job) => job.status), { timeout: 20_000, interval: 50 })
      .toEqual(["running", "succeeded", "succeeded"]);
    await expect
      .poll(async () => (await jobsOf(runId))[0]?.status, { timeout: 20_000, interval: 50 })
      .toBe("failed");
    expect((await jobsOf(runId))[0]?.error).toEqual({
      code: "timeout",
      message: "shortapi: no result within 3 s",
      summary: "shortapi did not finish in time — Retry, or try another model",
    });
  });

  it("under a burst holds only its own slots, so the other providers finish in their normal time", async () => {
    const hung: ProviderId = "pixazo";
    const others: ProviderId[] = PROVIDERS.filter((provider) => provider !== hung);
    // More runs than the runner has slots: without bulkheads the hung provider's jobs take them all.
    const runs = 6;
    // The hung calls end at the runner's own backstop, which keeps the test bounded.
    const options: JobRunnerOptions = {
      maxConcurrentJobs: 3,
      providerConcurrency: 1,
      submitTimeoutMs: 20_000,
      pollTimeoutMs: 20_000,
    };

    /** Per provider, from the burst's first job created to that provider's last job finished. */
    async function burst(): Promise<Record<ProviderId, number>> {
      await startRunner(options);
      for (let index = 0; index < runs; index += 1) await startRun(PROVIDERS);
      await expect
        .poll(
          async () => {
            const rows = await handle.db.select().from(jobs);
            return rows.filter((row) => others.includes(row.providerId) && TERMINAL.has(row.status)).length;
          },
          { timeout: 100_000, interval: 50 },
        )
        .toBe(runs * others.length);
      const rows = await handle.db.select().from(jobs);
      await providers.control.reset();
      await runner?.stop();
      await emptyDatabase(handle);
      const start = Math.min(...rows.map((row) => row.createdAt.getTime()));
      const span = (provider: ProviderId) =>
        Math.max(
          ...rows.filter((row) => row.providerId === provider).map((row) => row.finishedAt?.getTime() ?? 0),
        ) - start;
      return Object.fromEntries(PROVIDERS.map((provider) => [provider, span(provider)])) as Record<
        ProviderId,
        number
      >;
    }

    const normal = await burst();
    for (const on of ["submit", "poll"] as const) {
      await fault({ provider: hung, on, kind: "delay", delayMs: 600_000, count: -1 });
    }
    const withHang = await burst();
    for (const provider of others) {
      expect(
        withHang[provider] / normal[provider],
        `${provider}: ${withHang[provider]} vs ${normal[provider]} ms`,
      ).toBeLessThan(2.5);
    }
  }, 240_000);
});
