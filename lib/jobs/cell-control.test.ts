/**
 * Cell control: another take / retry and cancel, against the real runner with scripted
 * providers, on in-memory PGlite and, when TEST_DATABASE_URL names a server, on PostgreSQL too.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createRunBodySchema, type CreateRunBody } from "@/lib/api/run-requests";
import { getJob } from "@/lib/db/queries/jobs";
import { getRunVersion } from "@/lib/db/queries/runs";
import { jobs } from "@/lib/db/schema";
import { spendSince } from "@/lib/db/queries/spend";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider, PollResult, SubmitResult } from "@/lib/providers/types";
import { getFinishedRun, rememberFinishedRun } from "@/lib/runs/finished-run-cache";
import { reserveWithinBudget } from "@/lib/spend/daily-budget";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { getRunView } from "@/lib/views/run-views";
import { cancelJob, rerunJob } from "./cell-control";
import { createRun } from "./create-run";
import type { FetchImage } from "./download-image";
import { createJobRunner } from "./runner/engine";
import type { JobRunner } from "./runner/types";

const SHORTAPI = { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } };
/** The one model that takes a seed. */
const DASHSCOPE = { modelId: "dashscope/z-image-turbo", params: {} };

/** A promise the test settles when it chooses: holds a provider call or a download in flight. */
function gate<T>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}

async function conflictOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe.each(DATABASE_ENGINES)("cell control on $name", (engine) => {
  const fixture = setUpEngineFixture(engine, "prism-cells-");
  let clock: TestClock;
  beforeEach(() => {
    clock = { current: new Date("2026-03-01T10:00:00.000Z") };
  });

  const fetchImage: FetchImage = async () => fixture.image;

  function makeRunner(providers: Partial<Record<ProviderId, ImageProvider>>, fetch = fetchImage): JobRunner {
    return createJobRunner(
      {
        db: fixture.handle.db,
        blobStore: createLocalBlobStore(fixture.blobDirectory),
        getProvider: (providerId) => providers[providerId] ?? null,
        fetchImage: fetch,
        now: () => clock.current,
        ownerId: "cells-runner",
        logger: { ...logger, info: () => undefined, warn: () => undefined },
      },
      { idleIntervalMs: 60_000 },
    );
  }

  async function startRun(models: CreateRunBody["models"], extra: Partial<CreateRunBody> = {}) {
    const body = createRunBodySchema.parse({ prompt: "a lighthouse at dusk", models, ...extra });
    return createRun(fixture.handle.db, body, { now: clock.current });
  }

  const drive = (runners: JobRunner[]) => driveRunners(fixture.handle.db, runners, clock);
  const jobsOf = async (runId: string) => (await getRunView(fixture.handle.db, runId))?.jobs ?? [];

  describe("rerun", () => {
    it("adds take 2 of the same cell with the same prompt and params, and a new random seed", async () => {
      const dashscope = fakeProvider("dashscope", {
        submit: async (): Promise<SubmitResult> => ({
          state: "done",
          outputs: [{ url: "https://oss/0.png" }],
        }),
      });
      const run = await startRun([SHORTAPI, DASHSCOPE], { prompts: ["a fox", "a crow"] });
      await drive([makeRunner({ dashscope, shortapi: fakeProvider("shortapi") })]);
      const first = (await jobsOf(run.id)).find((job) => job.promptIndex === 1 && job.configIndex === 1)!;
      expect(first.status).toBe("succeeded");

      const take = await rerunJob(fixture.handle.db, first.id, { now: clock.current });

      expect(take).toMatchObject({
        promptIndex: 1,
        configIndex: 1,
        prompt: "a crow",
        take: 2,
        status: "queued",
        modelId: "dashscope/z-image-turbo",
        images: [],
      });
      expect(take.id).not.toBe(first.id);
      expect(typeof take.seed).toBe("number");
      expect({ ...take.params, seed: 0 }).toEqual({ ...first.params, seed: 0 });
      // The matrix reads back row, column, take: the new take right after the first.
      const jobs = await jobsOf(run.id);
      expect(jobs.map((job) => [job.promptIndex, job.configIndex, job.take])).toEqual([
        [0, 0, 1],
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 1],
        [1, 1, 2],
      ]);

      await drive([makeRunner({ dashscope })]);
      expect((await jobsOf(run.id)).at(-1)).toMatchObject({ take: 2, status: "succeeded" });
      expect(dashscope.submit.mock.calls.at(-1)?.[0]).toMatchObject({
        prompt: "a crow",
        params: { seed: take.seed },
      });
    });

    it("starts one take for ten reruns at once of a finished cell; the others get 409 take_in_progress", async () => {
      const run = await startRun([SHORTAPI]);
      await drive([makeRunner({ shortapi: fakeProvider("shortapi") })]);
      const jobId = run.jobs[0]!.id;
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => rerunJob(fixture.handle.db, jobId, { now: clock.current })),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "take_in_progress" });
      }
      expect((await jobsOf(run.id)).map((job) => job.take)).toEqual([1, 2]);
      // Asking through an older take of the cell is refused alike while take 2 is unfinished.
      expect((await conflictOf(rerunJob(fixture.handle.db, jobId))).code).toBe("take_in_progress");
    });

    it("answers a repeated Idempotency-Key with the take it made, and another request under it with 422", async () => {
      const run = await startRun([SHORTAPI], { prompts: ["a fox", "a crow"] });
      await drive([makeRunner({ shortapi: fakeProvider("shortapi") })]);
      const [fox, crow] = run.jobs;
      const key = { scope: "address:127.0.0.1", route: "POST /api/jobs/:id/rerun", key: "click-1" };
      const takes = await Promise.all(
        Array.from({ length: 5 }, () => rerunJob(fixture.handle.db, fox!.id, { idempotency: key })),
      );
      expect(new Set(takes.map((take) => take.id)).size).toBe(1);
      expect(takes[0]).toMatchObject({ take: 2, status: "queued" });
      const mismatch = await rerunJob(fixture.handle.db, crow!.id, { idempotency: key }).catch(
        (error) => error,
      );
      expect(mismatch).toMatchObject({ code: "invalid_input", issues: [{ path: "job" }] });
      expect(mismatch.message).toContain("different request (job differs)");
      // Keys belong to their caller: the same key from another client is a new request.
      const other = await rerunJob(fixture.handle.db, crow!.id, {
        idempotency: { ...key, scope: "address:10.0.0.9" },
      });
      expect(other).toMatchObject({ promptIndex: 1, take: 2 });
      expect(await jobsOf(run.id)).toHaveLength(4);
    });

    it("keeps the run's locked seed, and numbers takes from the cell's highest, from any take", async () => {
      const run = await startRun([DASHSCOPE], { seed: 1234 });
      const [first] = run.jobs;
      await fixture.handle.db.update(jobs).set({ status: "failed" }).where(eq(jobs.id, first!.id));

      const second = await rerunJob(fixture.handle.db, first!.id);
      await cancelJob(fixture.handle.db, second.id);
      const third = await rerunJob(fixture.handle.db, first!.id);

      expect([second.take, third.take]).toEqual([2, 3]);
      expect([second.seed, third.seed]).toEqual([1234, 1234]);
      expect(third.params.seed).toBe(1234);
    });

    it("leaves no seed on a model that takes none", async () => {
      const run = await startRun([SHORTAPI]);
      await drive([makeRunner({ shortapi: fakeProvider("shortapi") })]);
      const take = await rerunJob(fixture.handle.db, run.jobs[0]!.id);
      expect(take.seed).toBeNull();
      expect(take.params).not.toHaveProperty("seed");
    });

    it("refuses a job still queued or running with 409, and an unknown id with 404", async () => {
      const run = await startRun([SHORTAPI]);
      const queued = await conflictOf(rerunJob(fixture.handle.db, run.jobs[0]!.id));
      expect(queued).toEqual({
        code: "take_in_progress",
        message:
          "Take 1 of this cell is still queued: wait for it to finish, or cancel it, before running the cell again.",
      });
      expect((await conflictOf(rerunJob(fixture.handle.db, "no-such-job"))).code).toBe("not_found");
      expect(await jobsOf(run.id)).toHaveLength(1);
    });

    it("counts every take in the day's spend and refuses a take past the budget", async () => {
      const run = await startRun([DASHSCOPE]);
      await drive([makeRunner({ dashscope: fakeProvider("dashscope") })]);
      const before = await spendSince(fixture.handle.db, new Date(0));
      const take = await rerunJob(fixture.handle.db, run.jobs[0]!.id, { now: clock.current });
      const after = await spendSince(fixture.handle.db, new Date(0));
      expect(after.usd).toBeCloseTo(before.usd + take.estimatedCostUsd!, 6);

      // Take 2 finishes first: a cell with an unfinished take is refused before any budget check.
      await drive([makeRunner({ dashscope: fakeProvider("dashscope") })]);
      const spent = await spendSince(fixture.handle.db, new Date(0));
      const refused = await conflictOf(
        rerunJob(fixture.handle.db, run.jobs[0]!.id, {
          now: clock.current,
          admit: (transaction, estimate) =>
            reserveWithinBudget(transaction, [estimate], spent.usd, clock.current, "this take"),
        }),
      );
      expect(refused.code).toBe("budget_exceeded");
      expect(refused.message).toContain("this take is estimated at");
      expect(await jobsOf(run.id)).toHaveLength(2);
    });

    it("changes the run's version and drops its cached finished answer", async () => {
      const run = await startRun([SHORTAPI]);
      await drive([makeRunner({ shortapi: fakeProvider("shortapi") })]);
      const version = await getRunVersion(fixture.handle.db, run.id);
      rememberFinishedRun(run.id, { etag: 'W/"finished"', body: "{}" });

      await rerunJob(fixture.handle.db, run.jobs[0]!.id);

      expect(getFinishedRun(run.id)).toBeUndefined();
      expect(await getRunVersion(fixture.handle.db, run.id)).not.toBe(version);
    });
  });

  describe("cancel", () => {
    it("cancels a queued job, which then never reaches the provider and costs nothing", async () => {
      const shortapi = fakeProvider("shortapi");
      const run = await startRun([SHORTAPI]);

      const canceled = await cancelJob(fixture.handle.db, run.jobs[0]!.id);
      await drive([makeRunner({ shortapi })]);

      expect(canceled.status).toBe("canceled");
      expect(canceled.error).toEqual({
        code: "canceled",
        message: "Canceled before it was sent to shortapi: nothing was charged.",
        summary: "Canceled before it reached shortapi, so nothing was charged — Retry to run it",
      });
      expect(canceled.costUsd).toBe(0);
      expect(shortapi.submit).not.toHaveBeenCalled();
      expect((await jobsOf(run.id))[0]?.status).toBe("canceled");
    });

    it("a cancel racing the runner's own poll wins: the poll's answer is dropped, no more polls", async () => {
      const answer = gate<PollResult>();
      const fetch = vi.fn(fetchImage);
      const shortapi = fakeProvider("shortapi", { poll: () => answer.opened });
      const runner = makeRunner({ shortapi }, fetch);
      const run = await startRun([SHORTAPI]);
      const jobId = run.jobs[0]!.id;
      await runner.tick();
      await runner.settle();
      clock.current = (await getJob(fixture.handle.db, jobId))!.nextAttemptAt;
      await runner.tick();
      await vi.waitFor(() => expect(shortapi.poll).toHaveBeenCalledTimes(1));

      const canceled = await cancelJob(fixture.handle.db, jobId);
      answer.open({ state: "succeeded", outputs: [{ url: "https://cdn/0.png" }] });
      await runner.settle();
      await drive([runner]);

      expect(canceled.error?.code).toBe("canceled_running");
      expect(canceled.error?.summary).toBe(
        "Canceled — shortapi may still finish the job and bill it; Retry to run it again",
      );
      const job = await getJob(fixture.handle.db, jobId);
      expect(job).toMatchObject({ status: "canceled", providerOutputs: null, leaseOwner: null });
      expect(shortapi.poll).toHaveBeenCalledTimes(1);
      expect(fetch).not.toHaveBeenCalled();
    });

    it("discards a synchronous DashScope answer that arrives after the cancel", async () => {
      const answer = gate<SubmitResult>();
      const fetch = vi.fn(fetchImage);
      const dashscope = fakeProvider("dashscope", { submit: () => answer.opened });
      const runner = makeRunner({ dashscope }, fetch);
      const run = await startRun([DASHSCOPE]);
      await runner.tick();
      await vi.waitFor(() => expect(dashscope.submit).toHaveBeenCalledTimes(1));

      await cancelJob(fixture.handle.db, run.jobs[0]!.id);
      answer.open({ state: "done", outputs: [{ url: "https://oss/0.png" }], revisedPrompt: "rewritten" });
      await runner.settle();

      const [job] = await jobsOf(run.id);
      expect(job).toMatchObject({ status: "canceled", images: [], revisedPrompt: null });
      expect(job?.error?.code).toBe("canceled_running");
      expect(fetch).not.toHaveBeenCalled();
    });

    it("keeps no image that arrives after the cancel", async () => {
      const download = gate<Buffer>();
      const fetch = vi.fn(() => download.opened);
      const runner = makeRunner({ shortapi: fakeProvider("shortapi") }, fetch);
      const run = await startRun([SHORTAPI]);
      const jobId = run.jobs[0]!.id;
      await runner.tick();
      await runner.settle();
      clock.current = (await getJob(fixture.handle.db, jobId))!.nextAttemptAt;
      await runner.tick();
      await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));

      await cancelJob(fixture.handle.db, jobId);
      download.open(fixture.image);
      await runner.settle();

      const [job] = await jobsOf(run.id);
      expect(job).toMatchObject({ status: "canceled", images: [] });
    });

    it("refuses a finished job with 409 and an unknown id with 404; a canceled one can be retried", async () => {
      const run = await startRun([SHORTAPI]);
      await drive([makeRunner({ shortapi: fakeProvider("shortapi") })]);
      const jobId = run.jobs[0]!.id;
      expect(await conflictOf(cancelJob(fixture.handle.db, jobId))).toEqual({
        code: "conflict",
        message: "This job already succeeded: there is nothing to cancel.",
      });
      expect((await conflictOf(cancelJob(fixture.handle.db, "no-such-job"))).code).toBe("not_found");

      const take = await rerunJob(fixture.handle.db, jobId);
      await cancelJob(fixture.handle.db, take.id);
      expect((await conflictOf(cancelJob(fixture.handle.db, take.id))).message).toBe(
        "This job was already canceled: there is nothing to cancel.",
      );
      expect((await rerunJob(fixture.handle.db, take.id)).take).toBe(3);
    });
  });
});
