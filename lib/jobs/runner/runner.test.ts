import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getJob, nextDueTime } from "@/lib/db/queries/jobs";
import { getRunView } from "@/lib/views/run-views";
import { jobs } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/models/types";
import { ProviderError, type ImageProvider } from "@/lib/providers/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRunBodySchema, type CreateRunBody } from "@/lib/api/run-requests";
import { createRun } from "../create-run";
import { ImageDownloadError, type FetchImage } from "../download-image";
import { createJobRunner } from "./engine";
import type { JobRunner, JobRunnerOptions } from "./types";

let handle: DatabaseHandle;
let blobDirectory: string;
let images: Buffer[];
let clock: TestClock;

beforeAll(async () => {
  handle = await openTestDatabase();
  images = await Promise.all([pngImage(64, 48, 1), pngImage(64, 48, 2), pngImage(32, 32, 3)]);
});
afterAll(() => handle.close());

beforeEach(async () => {
  await emptyDatabase(handle);
  blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-runner-"));
  clock = { current: new Date("2026-03-01T10:00:00.000Z") };
});
afterEach(() => rm(blobDirectory, { recursive: true, force: true }));

const advance = (milliseconds: number) => {
  clock.current = new Date(clock.current.getTime() + milliseconds);
};

/** Serves images[n] for any URL ending in "/<n>.png". */
function imageFetcher(): FetchImage & ReturnType<typeof vi.fn> {
  return vi.fn(async (url: string) => {
    const index = Number(/(\d+)\.png$/.exec(url)?.[1] ?? 0);
    return images[index % images.length] as Buffer;
  });
}

function makeRunner(
  providers: Partial<Record<ProviderId, ImageProvider>>,
  options: { fetchImage?: FetchImage; ownerId?: string } & JobRunnerOptions = {},
): JobRunner {
  const { fetchImage = imageFetcher(), ownerId = "runner-a", ...runnerOptions } = options;
  return createJobRunner(
    {
      db: handle.db,
      blobStore: createLocalBlobStore(blobDirectory),
      getProvider: (providerId) => providers[providerId] ?? null,
      fetchImage,
      now: () => clock.current,
      ownerId,
    },
    runnerOptions,
  );
}

async function startRun(models: CreateRunBody["models"], prompt = "a lighthouse at dusk") {
  return createRun(handle.db, createRunBodySchema.parse({ prompt, models }), { now: clock.current });
}

function drive(runners: JobRunner[], maxRounds = 100): Promise<void> {
  return driveRunners(handle.db, runners, clock, maxRounds);
}

async function onlyJob(runId: string) {
  const view = await getRunView(handle.db, runId);
  const job = view?.jobs[0];
  if (!job) throw new Error("run without a job");
  return job;
}

describe("job runner", () => {
  it("submits, polls and stores every image of an asynchronous job", async () => {
    let polls = 0;
    const shortapi = fakeProvider("shortapi", {
      submit: async () => ({ state: "pending", providerJobId: "sa-1" }),
      poll: async () => {
        polls += 1;
        if (polls < 3) return { state: "running" };
        return {
          state: "succeeded",
          outputs: [{ url: "https://cdn/0.png" }, { url: "https://cdn/1.png" }],
          costUsd: 0.008,
        };
      },
    });
    const run = await startRun([
      { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1", num_images: 2 } },
    ]);
    await drive([makeRunner({ shortapi })]);

    const job = await onlyJob(run.id);
    expect(job.status).toBe("succeeded");
    expect(job.costUsd).toBe(0.008);
    expect(job.startedAt).toBeDefined();
    expect(job.finishedAt).toBeDefined();
    expect(job.images).toHaveLength(2);
    expect(job.images[0]).toMatchObject({ width: 64, height: 48, contentType: "image/png", index: 0 });
    expect(job.images[0]?.url).toMatch(/^\/api\/files\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);
    expect(job.images[0]?.thumbnailUrl).toMatch(/\.webp$/);
    expect(job.images[0]?.url).not.toBe(job.images[1]?.url);
    expect(shortapi.submit).toHaveBeenCalledTimes(1);
    expect(shortapi.submit.mock.calls[0]?.[0]).toMatchObject({
      modelId: "shortapi/z-image",
      prompt: "a lighthouse at dusk",
    });
    expect(shortapi.poll).toHaveBeenCalledTimes(3);
  });

  it("finishes a synchronous provider in submit without polling", async () => {
    const dashscope = fakeProvider("dashscope", {
      submit: async () => ({
        state: "done",
        providerJobId: "req-1",
        outputs: [{ url: "https://oss/2.png" }],
      }),
    });
    const run = await startRun([{ modelId: "dashscope/z-image-turbo", params: {} }]);
    await drive([makeRunner({ dashscope })]);

    const job = await onlyJob(run.id);
    expect(job.status).toBe("succeeded");
    expect(job.images).toEqual([expect.objectContaining({ width: 32, height: 32 })]);
    expect(dashscope.poll).not.toHaveBeenCalled();
  });

  it("records a provider's failure readably and keeps the other jobs going", async () => {
    const pixazo = fakeProvider("pixazo", {
      poll: async () => ({
        state: "failed",
        error: new ProviderError({
          provider: "pixazo",
          code: "insufficient_balance",
          message: "pixazo: insufficient balance (402)",
          retryable: false,
          status: 402,
        }),
      }),
    });
    const shortapi = fakeProvider("shortapi");
    const run = await startRun([
      { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } },
      { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } },
    ]);
    await drive([makeRunner({ pixazo, shortapi })]);

    const view = await getRunView(handle.db, run.id);
    expect(view?.jobs.map((job) => job.status)).toEqual(["failed", "succeeded"]);
    expect(view?.jobs[0]?.error).toEqual({
      code: "insufficient_balance",
      message: "pixazo: insufficient balance (402)",
      summary: "The pixazo account is out of credit — top it up, then Retry",
    });
  });

  it("fails a job whose provider has no key", async () => {
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await drive([makeRunner({})]);
    expect((await onlyJob(run.id)).error?.code).toBe("provider_unavailable");
  });

  it("retries a throttled submit no sooner than Retry-After", async () => {
    let calls = 0;
    const shortapi = fakeProvider("shortapi", {
      submit: async () => {
        calls += 1;
        if (calls === 1) {
          throw new ProviderError({
            provider: "shortapi",
            code: "rate_limited",
            message: "shortapi: rate limited (429)",
            retryable: true,
            status: 429,
            retryAfterSeconds: 30,
          });
        }
        return { state: "pending", providerJobId: "sa-2" };
      },
    });
    const runner = makeRunner({ shortapi });
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);

    await runner.tick();
    await runner.settle();
    const throttled = await getJob(handle.db, run.jobs[0]?.id ?? "");
    expect(throttled?.attempts).toBe(1);
    expect(throttled?.submittedAt).toBeNull();
    expect(throttled?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock.current.getTime() + 30_000);

    advance(29_000);
    await runner.tick();
    await runner.settle();
    expect(shortapi.submit).toHaveBeenCalledTimes(1);

    await drive([runner]);
    expect(shortapi.submit).toHaveBeenCalledTimes(2);
    expect((await onlyJob(run.id)).status).toBe("succeeded");
  });

  it("clears a provider's retry notes on its first good answer, not after each job's backoff", async () => {
    let down = true;
    const shortapi = fakeProvider("shortapi", {
      submit: async (input) => ({ state: "pending", providerJobId: `sa-${input.prompt}` }),
      poll: async () => {
        if (down)
          throw new ProviderError({
            provider: "shortapi",
            code: "server_error",
            message: "shortapi: 503",
            retryable: true,
            status: 503,
          });
        return { state: "running" };
      },
    });
    const runner = makeRunner({ shortapi }, { retryBackoff: { baseMs: 10_000, capMs: 60_000 } });
    const run = await createRun(
      handle.db,
      createRunBodySchema.parse({
        prompts: ["a fox", "an owl"],
        models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
      }),
      { now: clock.current },
    );
    const step = async () => {
      const due = await nextDueTime(handle.db);
      if (due && due > clock.current) clock.current = due;
      await runner.tick();
      await runner.settle();
    };
    const notes = async () => (await getRunView(handle.db, run.id))!.jobs.map((job) => job.retryNote);
    await step(); // both submitted
    await step(); // the first poll of each fails: both wait 8 to 12 s
    await step();
    expect(await notes()).toEqual([expect.stringMatching(/retrying/), expect.stringMatching(/retrying/)]);

    down = false;
    await step(); // the first job due gets a good answer...
    await runner.tick(); // ...and the other tries at once, without the clock moving on
    await runner.settle();
    expect(await notes()).toEqual([null, null]);
  });

  it("never resends a submit whose outcome is unknown", async () => {
    const shortapi = fakeProvider("shortapi", {
      submit: async () => {
        throw new ProviderError({
          provider: "shortapi",
          code: "network_error",
          message: "shortapi: connection dropped",
          retryable: true,
          outcomeUnknown: true,
        });
      },
    });
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await drive([makeRunner({ shortapi })]);

    const job = await onlyJob(run.id);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("submit_outcome_unknown");
    expect(job.error?.message).toContain("Not sent again");
    expect(shortapi.submit).toHaveBeenCalledTimes(1);
  });

  it("fails, without resending, a job whose submit was in flight when the app stopped", async () => {
    const shortapi = fakeProvider("shortapi");
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await handle.db
      .update(jobs)
      .set({
        status: "running",
        submittedAt: clock.current,
        leaseOwner: "crashed",
        leaseUntil: new Date(clock.current.getTime() + 60_000),
      })
      .where(eq(jobs.runId, run.id));

    const restarted = makeRunner({ shortapi }, { ownerId: "runner-b", releaseStaleLeases: true });
    await restarted.start();
    await restarted.stop();
    await drive([restarted]);

    expect((await onlyJob(run.id)).error?.code).toBe("submit_outcome_unknown");
    expect(shortapi.submit).not.toHaveBeenCalled();
  });

  it("gives up on a job still pending at its deadline, after one last poll", async () => {
    const pixazo = fakeProvider("pixazo", { poll: async () => ({ state: "running" }) });
    const run = await startRun([{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } }]);
    await drive([makeRunner({ pixazo })], 500);

    const job = await onlyJob(run.id);
    expect(job.status).toBe("failed");
    expect(job.error).toEqual({
      code: "timeout",
      message: "pixazo: no result within 5 min",
      summary: "pixazo did not finish in time — Retry, or try another model",
    });
    const row = await getJob(handle.db, job.id);
    expect(row?.finishedAt?.getTime()).toBeGreaterThanOrEqual(row?.deadlineAt?.getTime() ?? Infinity);
  });

  it("fails an expired image URL once instead of retrying it", async () => {
    const shortapi = fakeProvider("shortapi");
    const fetchImage = vi.fn(async () => {
      throw new ImageDownloadError("image_expired", "shortapi: image expired (403)", {
        retryable: false,
        status: 403,
      });
    });
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await drive([makeRunner({ shortapi }, { fetchImage })]);

    expect((await onlyJob(run.id)).error).toEqual({
      code: "image_expired",
      message: "shortapi: image expired (403)",
      summary: "shortapi's image links expired before Prism could store them — Retry",
    });
    expect(fetchImage).toHaveBeenCalledTimes(1);
  });

  it("rejects a download that is not an image", async () => {
    const shortapi = fakeProvider("shortapi");
    const fetchImage = vi.fn(async () => new TextEncoder().encode("<html>gateway error</html>"));
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await drive([makeRunner({ shortapi }, { fetchImage })]);
    expect((await onlyJob(run.id)).error?.code).toBe("invalid_image");
  });

  it("retries a transient download failure", async () => {
    const shortapi = fakeProvider("shortapi");
    const fetchImage = vi
      .fn<FetchImage>()
      .mockRejectedValueOnce(
        new ImageDownloadError("image_download_failed", "shortapi: image download failed (502)", {
          retryable: true,
        }),
      )
      .mockResolvedValue(images[0] as Buffer);
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    await drive([makeRunner({ shortapi }, { fetchImage })]);
    expect((await onlyJob(run.id)).status).toBe("succeeded");
    expect(fetchImage).toHaveBeenCalledTimes(2);
  });

  it("never lets two runners on one database process the same job", async () => {
    const submitted = new Map<string, number>();
    const slowProvider = (id: ProviderId) =>
      fakeProvider(id, {
        submit: async (input) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const key = `${input.modelId}:${input.prompt}`;
          submitted.set(key, (submitted.get(key) ?? 0) + 1);
          return { state: "done", outputs: [{ url: "https://cdn/0.png" }] };
        },
      });
    const providers = { shortapi: slowProvider("shortapi"), dashscope: slowProvider("dashscope") };
    for (let index = 0; index < 6; index += 1) {
      await startRun(
        [
          { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } },
          { modelId: "dashscope/z-image-turbo", params: {} },
        ],
        `prompt ${index}`,
      );
    }
    const first = makeRunner(providers, { ownerId: "runner-a", maxConcurrentJobs: 4 });
    const second = makeRunner(providers, { ownerId: "runner-b", maxConcurrentJobs: 4 });
    await drive([first, second]);

    expect(submitted.size).toBe(12);
    expect([...submitted.values()].every((count) => count === 1)).toBe(true);
    const rows = await handle.db.select().from(jobs);
    expect(rows.every((row) => row.status === "succeeded" && row.leaseOwner === null)).toBe(true);
  });

  it("resumes a half-done job after a restart without storing any image twice", async () => {
    let polls = 0;
    const pixazo = fakeProvider("pixazo", {
      submit: async () => ({ state: "pending", providerJobId: "px-1", pollingUrl: "https://gateway/px-1" }),
      poll: async () => {
        polls += 1;
        return polls === 1
          ? { state: "running" }
          : { state: "succeeded", outputs: [{ url: "https://r2/0.png" }, { url: "https://r2/1.png" }] };
      },
    });
    const run = await startRun([
      { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1", num_images: 2 } },
    ]);

    // The first process submits and polls once, then dies while the second image downloads.
    const crashingFetch = vi
      .fn<FetchImage>()
      .mockResolvedValueOnce(images[0] as Buffer)
      .mockImplementationOnce(() => new Promise(() => undefined));
    const first = makeRunner({ pixazo }, { fetchImage: crashingFetch, ownerId: "first" });
    await first.tick();
    await first.settle();
    advance(10_000);
    await first.tick();
    await first.settle();
    advance(10_000);
    await first.tick();
    await vi.waitFor(() => expect(crashingFetch).toHaveBeenCalledTimes(2));

    const halfDone = await getJob(handle.db, run.jobs[0]?.id ?? "");
    expect(halfDone).toMatchObject({ status: "running", leaseOwner: "first" });
    expect(halfDone?.providerOutputs).toHaveLength(2);
    expect(halfDone?.pollingUrl).toBe("https://gateway/px-1");

    const resumedFetch = imageFetcher();
    const second = makeRunner(
      { pixazo },
      { fetchImage: resumedFetch, ownerId: "second", releaseStaleLeases: true },
    );
    await second.start();
    await second.stop();
    await drive([second]);

    const job = await onlyJob(run.id);
    expect(job.status).toBe("succeeded");
    expect(job.images.map((image) => image.index)).toEqual([0, 1]);
    expect(resumedFetch).toHaveBeenCalledTimes(1);
    expect(pixazo.submit).toHaveBeenCalledTimes(1);
  });

  it("takes over a job whose lease expired on another instance", async () => {
    const shortapi = fakeProvider("shortapi");
    const run = await startRun([{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }]);
    // Leases run on the database's clock, not the runner's (fake) one.
    const leaseEndsIn = (interval: string) =>
      handle.db
        .update(jobs)
        .set({ leaseOwner: "gone", leaseUntil: sql`now() + ${interval}::interval` })
        .where(eq(jobs.runId, run.id));
    await leaseEndsIn("30 seconds");
    const runner = makeRunner({ shortapi }, { ownerId: "other" });

    await runner.tick();
    await runner.settle();
    expect(shortapi.submit).not.toHaveBeenCalled();

    await leaseEndsIn("-1 millisecond");
    await drive([runner]);
    expect((await onlyJob(run.id)).status).toBe("succeeded");
  });

  it("stores identical bytes once", async () => {
    const shortapi = fakeProvider("shortapi", {
      poll: async () => ({
        state: "succeeded",
        outputs: [{ url: "https://cdn/0.png" }, { url: "https://cdn/3.png" }],
      }),
    });
    const run = await startRun([
      { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1", num_images: 2 } },
    ]);
    await drive([makeRunner({ shortapi })]);

    const job = await onlyJob(run.id);
    expect(job.images[0]?.url).toBe(job.images[1]?.url);
    const folders = await readdir(blobDirectory);
    const files = (
      await Promise.all(folders.map((folder) => readdir(path.join(blobDirectory, folder))))
    ).flat();
    expect(files).toHaveLength(2);
  });
});
