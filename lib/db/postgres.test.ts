/**
 * The database behaviour that matters, on a real PostgreSQL server instead of PGlite: real
 * concurrent connections, node-postgres type parsing, row locks. Runs when TEST_DATABASE_URL names
 * a server (scripts/test-all.sh starts one); each run of this file works in its own fresh
 * database, so it never disturbs anything else on that server.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getGalleryImageId, revokeGallery } from "@/lib/db/queries/galleries";
import { getGalleryView, listGalleries } from "@/lib/views/gallery-views";
import { insertImage } from "@/lib/db/queries/images";
import { claimDueJobs, getJob } from "@/lib/db/queries/jobs";
import { deleteRun, getRunRows, getRunVersion } from "@/lib/db/queries/runs";
import { getRunView, listRuns } from "@/lib/views/run-views";
import { galleries, jobs, runs } from "@/lib/db/schema";
import { decodeRunCursor } from "@/lib/api/run-cursor";
import { createGalleryBodySchema } from "@/lib/api/gallery-requests";
import { createGallery } from "@/lib/galleries/create-gallery";
import { castVote, NEW_REVIEWERS_PER_HOUR } from "@/lib/reviews/cast-vote";
import { createRunBodySchema, type CreateRunBody } from "@/lib/api/run-requests";
import { createRun } from "@/lib/jobs/create-run";
import { jobTransitions } from "@/lib/jobs/runner/job-transitions";
import { createJobRunner } from "@/lib/jobs/runner/engine";
import type { JobRunner } from "@/lib/jobs/runner/types";
import type { ProviderId } from "@/lib/models/types";
import { createRateLimiter } from "@/lib/security/rate-limit";
import { enforceDailyBudget, spendToday } from "@/lib/spend/daily-budget";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { driveRunners, type TestClock } from "@/lib/testing/drive-runners";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-postgres";
import { emptyDatabase, runKey } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// CI must exercise PostgreSQL: a missing URL there is a broken setup, not a reason to skip quietly.
if (!serverUrl && process.env.CI) {
  throw new Error(
    "TEST_DATABASE_URL is not set, but CI is: the PostgreSQL tests (lib/db/postgres.test.ts) must run in CI. " +
      "Start a server with scripts/pg-test-server.sh (scripts/test-all.sh does) and pass its URL.",
  );
}

const zImage = { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } };
const dashscope = { modelId: "dashscope/z-image-turbo", params: {} };
const gptImage = { modelId: "shortapi/gpt-image-2", params: {} };
const pixazo = { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } };

describe.skipIf(!serverUrl)("on PostgreSQL", () => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  let blobDirectory: string;
  let clock: TestClock;

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    handle = await openDatabase({ engine: "postgres", url: scratch.url });
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  beforeEach(async () => {
    await handle.db.delete(galleries);
    await emptyDatabase(handle);
    blobDirectory = await mkdtemp(path.join(os.tmpdir(), "prism-pg-"));
    clock = { current: new Date("2026-03-01T10:00:00.000Z") };
  });
  afterEach(() => rm(blobDirectory, { recursive: true, force: true }));

  function create(
    prompt: string,
    models: CreateRunBody["models"],
    options: { at?: Date; idempotencyKey?: string } = {},
  ) {
    const body = createRunBodySchema.parse({ prompt, models });
    return createRun(handle.db, body, {
      now: options.at ?? clock.current,
      idempotency: options.idempotencyKey ? runKey(options.idempotencyKey) : undefined,
    });
  }

  /** Stores a placeholder image row for a job, as the runner's download step would. */
  async function addImage(runId: string, jobId: string, index: number): Promise<string> {
    const id = newId();
    const key = newId();
    await insertImage(handle.db, {
      id,
      jobId,
      runId,
      index,
      blobKey: `${key}.png`,
      thumbnailKey: `${key}.webp`,
      width: 64,
      height: 48,
      contentType: "image/png",
      byteSize: 10,
      sha256: key,
    });
    return id;
  }

  describe("migrations", () => {
    it("apply to a fresh database, and opening it again changes nothing", async () => {
      const journal = JSON.parse(
        await readFile(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8"),
      ) as {
        entries: unknown[];
      };
      const applied = async () => {
        const [row] = await handle.db
          .select({ count: sql<number>`count(*)::int` })
          .from(sql`drizzle.__drizzle_migrations`);
        return row?.count;
      };
      expect(await applied()).toBe(journal.entries.length);

      const run = await create("kept across a reopen", [zImage]);
      const again = await openDatabase({ engine: "postgres", url: scratch.url });
      try {
        expect(await applied()).toBe(journal.entries.length);
        expect((await getRunView(again.db, run.id))?.prompt).toBe("kept across a reopen");
      } finally {
        await again.close();
      }
    });

    it("let several instances boot at once against one database", async () => {
      // Instances of one deployment start together; each runs the migrator on boot.
      const fresh = await createScratchDatabase(serverUrl!);
      const opened: DatabaseHandle[] = [];
      try {
        const results = await Promise.allSettled(
          [1, 2, 3].map(async () => {
            const instance = await openDatabase({ engine: "postgres", url: fresh.url });
            opened.push(instance);
            return instance;
          }),
        );
        // The first line of each failure, so a regression reads as the error and not as a migration's SQL.
        const outcomes = results.map((result) =>
          result.status === "rejected" ? String(result.reason).split("\n")[0] : "ok",
        );
        expect(outcomes).toEqual(["ok", "ok", "ok"]);
        const [first] = opened;
        const created = await createRun(
          first!.db,
          createRunBodySchema.parse({ prompt: "after boot", models: [zImage] }),
          {},
        );
        expect((await getRunView(first!.db, created.id))?.jobs).toHaveLength(1);
      } finally {
        await Promise.all(opened.map((instance) => instance.close()));
        await fresh.drop();
      }
    });
  });

  describe("runs", () => {
    it("creates a run and reads it back with parsed jsonb, numbers and timestamps", async () => {
      const created = await create("a fox", [
        zImage,
        { ...dashscope, notes: ["Makes 1 image (one per request)"] },
      ]);
      const view = await getRunView(handle.db, created.id);
      expect(view).toMatchObject({ id: created.id, prompt: "a fox", createdAt: clock.current.toISOString() });
      expect(view?.jobs.map((job) => [job.modelId, job.status])).toEqual([
        ["shortapi/z-image", "queued"],
        ["dashscope/z-image-turbo", "queued"],
      ]);
      expect(view?.jobs[0]?.params).toMatchObject({ aspect_ratio: "1:1", num_images: 1 });
      expect(typeof view?.jobs[0]?.estimatedCostUsd).toBe("number");
      expect(view?.jobs[1]).toMatchObject({
        notes: ["Makes 1 image (one per request)"],
        estimatedCostUsd: 0.01,
        costAssumed: true,
      });
      expect(await getRunView(handle.db, "missing")).toBeNull();
      // The status route's cheap version and the one read with the rows must agree on PostgreSQL too.
      expect((await getRunRows(handle.db, created.id))?.run.version).toBe(
        await getRunVersion(handle.db, created.id),
      );
    });

    it("lists history with keyset paging, search and filters", async () => {
      const base = Date.parse("2026-03-01T10:00:00.000Z");
      for (let index = 0; index < 5; index += 1) {
        const prompt = index === 3 ? "prompt 3 A Red FOX 100%_sure" : `prompt ${index}`;
        await create(prompt, index % 2 === 0 ? [zImage] : [dashscope], { at: new Date(base + index * 1000) });
      }
      // Same millisecond as the newest: the (created_at, id) cursor must still page past it exactly once.
      await create("prompt twin", [zImage], { at: new Date(base + 4000) });

      const first = await listRuns(handle.db, { limit: 4 });
      const second = await listRuns(handle.db, { limit: 4, cursor: decodeRunCursor(first.nextCursor!)! });
      expect(first.runs).toHaveLength(4);
      expect(second.nextCursor).toBeUndefined();
      const prompts = [...first.runs, ...second.runs].map((run) => run.prompt);
      expect(new Set(prompts).size).toBe(6);
      expect(prompts.slice(2)).toEqual(["prompt 3 A Red FOX 100%_sure", "prompt 2", "prompt 1", "prompt 0"]);

      expect((await listRuns(handle.db, { limit: 10, q: "red fox" })).runs.map((run) => run.prompt)).toEqual([
        "prompt 3 A Red FOX 100%_sure",
      ]);
      expect((await listRuns(handle.db, { limit: 10, q: "%" })).runs).toHaveLength(1);
      const dashscopeRuns = await listRuns(handle.db, { limit: 10, modelId: "dashscope/z-image-turbo" });
      expect(dashscopeRuns.runs.map((run) => run.prompt)).toEqual([
        "prompt 3 A Red FOX 100%_sure",
        "prompt 1",
      ]);
      expect((await listRuns(handle.db, { limit: 10, status: "queued" })).runs).toHaveLength(6);
      expect((await listRuns(handle.db, { limit: 10, status: "succeeded" })).runs).toEqual([]);
    });

    it("creates one run for one Idempotency-Key sent concurrently", async () => {
      // The pool gives each request its own connection, so these inserts really race.
      const results = await Promise.all(
        Array.from({ length: 8 }, () => create("a fox", [zImage, dashscope], { idempotencyKey: "same-key" })),
      );
      expect(new Set(results.map((result) => result.id)).size).toBe(1);
      expect(results.every((result) => result.jobs.length === 2)).toBe(true);
      expect(await handle.db.select().from(runs)).toHaveLength(1);
      expect(await handle.db.select().from(jobs)).toHaveLength(2);
    });
  });

  describe("job runner", () => {
    let runnerHandles: DatabaseHandle[] = [];
    afterEach(async () => {
      await Promise.all(runnerHandles.map((runnerHandle) => runnerHandle.close()));
      runnerHandles = [];
    });

    /** A runner with its own handle (own pool), as a separate app instance would have. */
    async function instance(
      ownerId: string,
      providers: Partial<Record<ProviderId, ReturnType<typeof fakeProvider>>>,
    ) {
      const own = await openDatabase({ engine: "postgres", url: scratch.url });
      runnerHandles.push(own);
      const image = await pngImage(16, 16, 1);
      return createJobRunner(
        {
          db: own.db,
          blobStore: createLocalBlobStore(blobDirectory),
          getProvider: (providerId) => providers[providerId] ?? null,
          fetchImage: async () => image,
          now: () => clock.current,
          ownerId,
        },
        { maxConcurrentJobs: 4 },
      );
    }

    it("lets two instances share twelve jobs, each submitted exactly once", async () => {
      const submitted = new Map<string, string[]>();
      // Each instance has its own providers, so the calls show which instance submitted what.
      const providersOf = (owner: string) => {
        const provider = (id: ProviderId, synchronous: boolean) =>
          fakeProvider(id, {
            submit: async (input) => {
              // Keeps each job in flight for a moment, so the instances' claims overlap.
              await new Promise((resolve) => setTimeout(resolve, 5));
              const key = `${input.modelId} ${input.prompt}`;
              submitted.set(key, [...(submitted.get(key) ?? []), owner]);
              return synchronous
                ? { state: "done", outputs: [{ url: "https://oss.example/0.png" }] }
                : { state: "pending", providerJobId: `${owner}-${key}` };
            },
          });
        return { shortapi: provider("shortapi", false), dashscope: provider("dashscope", true) };
      };
      for (let index = 0; index < 6; index += 1) await create(`prompt ${index}`, [zImage, dashscope]);
      const runners: JobRunner[] = [
        await instance("instance-a", providersOf("a")),
        await instance("instance-b", providersOf("b")),
      ];

      await driveRunners(handle.db, runners, clock);

      expect(submitted.size).toBe(12);
      expect([...submitted.values()].every((owners) => owners.length === 1)).toBe(true);
      const owners = [...submitted.values()].flat();
      expect(owners).toContain("a");
      expect(owners).toContain("b");
      const rows = await handle.db.select().from(jobs);
      expect(rows.map((row) => [row.status, row.leaseOwner])).toEqual(
        Array.from({ length: 12 }, () => ["succeeded", null]),
      );
      const views = await listRuns(handle.db, { limit: 10 });
      expect(views.runs.every((run) => run.thumbnails.length === 2)).toBe(true);
    });

    it("never hands one job to two concurrent claimers", async () => {
      for (let index = 0; index < 6; index += 1) await create(`prompt ${index}`, [zImage, dashscope]);
      const a = await openDatabase({ engine: "postgres", url: scratch.url });
      const b = await openDatabase({ engine: "postgres", url: scratch.url });
      runnerHandles.push(a, b);
      // Sixteen claims in flight at once over two pools: far more than the twelve due jobs.
      const claims = await Promise.all(
        Array.from({ length: 16 }, (_, index) =>
          claimDueJobs((index % 2 === 0 ? a : b).db, {
            owner: `claimer-${index}`,
            now: clock.current,
            leaseMs: 30_000,
            limit: 2,
          }),
        ),
      );
      const claimed = claims.flat().map((job) => job.id);
      expect(claimed).toHaveLength(12);
      expect(new Set(claimed).size).toBe(12);
      // The lease stored is the one each claimer was told it holds.
      const ownerOf = new Map(
        claims.flatMap((claim, index) => claim.map((job) => [job.id, `claimer-${index}`] as const)),
      );
      for (const row of await handle.db.select().from(jobs)) expect(row.leaseOwner).toBe(ownerOf.get(row.id));
    });

    it("takes over a job once another instance's lease has expired", async () => {
      const run = await create("a lighthouse", [zImage]);
      const jobId = run.jobs[0]!.id;
      // Leases run on the database's clock, not the runner's (fake) one.
      const leaseEndsIn = (interval: string) =>
        handle.db
          .update(jobs)
          .set({ leaseOwner: "gone", leaseUntil: sql`now() + ${interval}::interval` })
          .where(eq(jobs.id, jobId));
      await leaseEndsIn("30 seconds");
      const shortapi = fakeProvider("shortapi");
      const runner = await instance("instance-b", { shortapi });

      expect(await runner.tick()).toBe(0);
      await runner.settle();
      expect(shortapi.submit).not.toHaveBeenCalled();

      await leaseEndsIn("-1 millisecond");
      await driveRunners(handle.db, [runner], clock);
      expect(shortapi.submit).toHaveBeenCalledTimes(1);
      expect(await getJob(handle.db, jobId)).toMatchObject({
        status: "succeeded",
        leaseOwner: null,
        leaseUntil: null,
      });
    });
  });

  it("sums today's spend, deleted runs included, and enforces the daily budget", async () => {
    await create("yesterday", [gptImage], { at: new Date("2026-02-28T23:59:00Z") });
    const charged = await create("charged", [gptImage]);
    const refunded = await create("refunded", [gptImage]);
    await create("assumed price", [pixazo]);
    await handle.db.update(jobs).set({ costUsd: 0.05 }).where(eq(jobs.runId, charged.id));
    const failure = jobTransitions.failed(clock.current, {
      code: "content_policy",
      message: "refused",
      charged: false,
    });
    await handle.db.update(jobs).set(failure).where(eq(jobs.runId, refunded.id));
    await deleteRun(handle.db, charged.id);

    // sum() of double precision and count() (a bigint) come back from node-postgres as numbers here.
    expect(await spendToday(handle.db, 1, clock.current)).toEqual({
      todayUsd: 0.06,
      assumedUsd: 0.01,
      budgetUsd: 1,
      unpricedJobs: 0,
    });
    const another = createRunBodySchema.parse({ prompt: "one more", models: [gptImage] });
    const admit = (budgetUsd: number) => (transaction: typeof handle.db) =>
      enforceDailyBudget(transaction, another, budgetUsd, clock.current);
    await expect(handle.db.transaction(admit(0.1))).rejects.toMatchObject({ code: "budget_exceeded" });
    await expect(handle.db.transaction(admit(1))).resolves.toBeUndefined();
  });

  it("accepts exactly the runs that fit the budget when many arrive at once on several connections", async () => {
    const body = createRunBodySchema.parse({ prompt: "race", models: [gptImage] });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        createRun(handle.db, body, {
          now: clock.current,
          admit: (transaction, input) => enforceDailyBudget(transaction, input, 0.1, clock.current),
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(19);
  });

  it("shares one rate limit between instances", async () => {
    const other = await openDatabase({ engine: "postgres", url: scratch.url });
    try {
      const limiters = [handle, other].map(({ db }) =>
        createRateLimiter(db, { name: "runs", perMinute: 5, now: () => clock.current }),
      );
      const decisions = await Promise.all(
        Array.from({ length: 12 }, (_, index) => limiters[index % 2]!.take("203.0.113.7")),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    } finally {
      await other.close();
    }
  });

  it("lets exactly the capped number of new reviewers from one address vote when they vote at once", async () => {
    const run = await create("a red fox in the snow", [zImage]);
    await addImage(run.id, run.jobs[0]!.id, 0);
    const { slug } = await createGallery(
      handle.db,
      createGalleryBodySchema.parse({ runIds: [run.id], review: { blind: false } }),
    );
    const imageId = (await getGalleryView(handle.db, slug))!.review!.prompts[0]!.options[0]!.image.id;
    const votes = await Promise.allSettled(
      Array.from({ length: NEW_REVIEWERS_PER_HOUR + 10 }, (_, index) =>
        castVote(
          handle.db,
          slug,
          { id: `reviewer-${index}`, clientKey: "one-network" },
          { picks: [{ imageId }] },
        ),
      ),
    );
    expect(votes.filter((vote) => vote.status === "fulfilled")).toHaveLength(NEW_REVIEWERS_PER_HOUR);
    expect(votes.filter((vote) => vote.status === "rejected").map((vote) => vote.reason.code)).toEqual(
      Array(10).fill("rate_limited"),
    );
  });

  it("shares, lists and revokes a gallery", async () => {
    const run = await create("a red fox in the snow", [zImage, dashscope]);
    const imageIds = [await addImage(run.id, run.jobs[0]!.id, 0), await addImage(run.id, run.jobs[1]!.id, 0)];
    const other = await create("second prompt", [zImage]);
    const picked = await addImage(other.id, other.jobs[0]!.id, 0);

    const { slug } = await createGallery(
      handle.db,
      createGalleryBodySchema.parse({ runIds: [run.id], imageIds: [picked], note: "for the client" }),
    );
    const gallery = await getGalleryView(handle.db, slug);
    expect(gallery).toMatchObject({ slug, title: "a red fox in the snow", note: "for the client" });
    expect(
      gallery?.runs.map((view) => [
        view.prompt,
        view.jobs.flatMap((job) => job.images.map((image) => image.id)),
      ]),
    ).toEqual([
      ["a red fox in the snow", imageIds],
      ["second prompt", [picked]],
    ]);
    expect(await listGalleries(handle.db)).toMatchObject([
      { slug, imageCount: 3, thumbnailUrl: expect.stringMatching(/\.webp$/) },
    ]);
    expect(await getGalleryImageId(handle.db, slug, picked)).toBe(picked);

    expect(await revokeGallery(handle.db, slug)).toBe(true);
    expect(await getGalleryView(handle.db, slug)).toBeNull();
    expect(await getGalleryImageId(handle.db, slug, picked)).toBeNull();
    expect(await revokeGallery(handle.db, slug)).toBe(false);
    expect(await listGalleries(handle.db)).toEqual([]);
  });
});
