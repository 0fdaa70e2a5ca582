import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { deleteRun } from "@/lib/db/queries/runs";
import { jobs } from "@/lib/db/schema";
import { createRunBodySchema, type CreateRunInput } from "@/lib/api/run-requests";
import { createRun } from "@/lib/jobs/create-run";
import { jobTransitions } from "@/lib/jobs/runner/job-transitions";
import { emptyDatabase, openTestDatabase, runKey } from "@/lib/testing/test-database";
import { enforceDailyBudget, spendToday } from "./daily-budget";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(() => emptyDatabase(handle));
afterEach(() => vi.unstubAllEnvs());

const now = new Date("2026-03-01T15:00:00Z");
/** $0.06 a run (shortapi's published price). */
const gptImage = createRunBodySchema.parse({
  prompt: "a cat",
  models: [{ modelId: "shortapi/gpt-image-2", params: {} }],
});
/** No published price: $0.01 an image assumed by default, two images. */
const pixazo = createRunBodySchema.parse({
  prompt: "a cat",
  models: [{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1", num_images: 2 } }],
});

const withinBudget =
  (budgetUsd: number | undefined) => (transaction: typeof handle.db, input: CreateRunInput) =>
    enforceDailyBudget(transaction, input, budgetUsd, now);

function create(
  input: CreateRunInput,
  budgetUsd?: number,
  options: { idempotencyKey?: string; at?: Date } = {},
) {
  const idempotency = options.idempotencyKey ? runKey(options.idempotencyKey) : undefined;
  return createRun(handle.db, input, { now: options.at ?? now, admit: withinBudget(budgetUsd), idempotency });
}

/** $0.07 today: one run charged $0.05, one refused unbilled, one at an assumed $0.02 still running. */
async function createSettledRuns() {
  const charged = await create(gptImage);
  const refunded = await create(gptImage);
  const pending = await create(pixazo);
  await handle.db.update(jobs).set({ costUsd: 0.05 }).where(eq(jobs.runId, charged.id));
  const failure = jobTransitions.failed(now, { code: "content_policy", message: "refused", charged: false });
  await handle.db.update(jobs).set(failure).where(eq(jobs.runId, refunded.id));
  return [charged, refunded, pending];
}

describe("daily budget", () => {
  it("counts today's estimates, actual costs, assumed prices and nothing for uncharged failures", async () => {
    await create(gptImage, undefined, { at: new Date("2026-02-28T23:59:00Z") });
    await createSettledRuns();

    expect(await spendToday(handle.db, 1, now)).toEqual({
      todayUsd: 0.07,
      assumedUsd: 0.02,
      budgetUsd: 1,
      unpricedJobs: 0,
    });
  });

  it("takes the assumed price per model from the settings", async () => {
    vi.stubEnv("PRISM_ASSUMED_IMAGE_PRICE_USD", "0.5");
    vi.stubEnv("PRISM_ASSUMED_PRICES", "dashscope/z-image-turbo=0.2, pixazo/z-image-turbo=0.03");
    await create(pixazo);
    const run = await create(
      createRunBodySchema.parse({
        prompt: "a",
        models: [{ modelId: "pixazo/z-image-base", params: { image_size: "square_1_1" } }],
      }),
    );
    expect(await spendToday(handle.db, undefined, now)).toMatchObject({ todayUsd: 0.56, assumedUsd: 0.56 });
    const [job] = await handle.db.select().from(jobs).where(eq(jobs.runId, run.id));
    expect(job).toMatchObject({ estimatedCostUsd: 0.5, costAssumed: true });
  });

  it("keeps an assumed price an estimate when the job succeeds", async () => {
    const run = await create(pixazo);
    const [job] = await handle.db.select().from(jobs).where(eq(jobs.runId, run.id));
    await handle.db.update(jobs).set(jobTransitions.succeeded(job!, now)).where(eq(jobs.id, job!.id));
    const [succeeded] = await handle.db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(succeeded).toMatchObject({ status: "succeeded", costUsd: null, costAssumed: true });
    expect(await spendToday(handle.db, undefined, now)).toMatchObject({ todayUsd: 0.02, assumedUsd: 0.02 });
  });

  it("refuses a run whose estimate would pass the budget, naming it", async () => {
    await create(gptImage);
    await expect(create(gptImage, 0.1)).rejects.toMatchObject({
      code: "budget_exceeded",
      status: 402,
      message: expect.stringContaining("daily budget of $0.100 (PRISM_DAILY_BUDGET_USD)"),
    });
    await expect(create(gptImage, 0.12)).resolves.toMatchObject({ id: expect.any(String) });
    await expect(create(gptImage, undefined)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses unpriced runs once the budget is spent, and says the price is assumed", async () => {
    await create(gptImage);
    await expect(create(pixazo, 0.07)).rejects.toMatchObject({
      code: "budget_exceeded",
      message: expect.stringContaining("assumed prices of models without a published one"),
    });
    await expect(create(pixazo, 0.08)).resolves.toMatchObject({ id: expect.any(String) });
    await expect(create(pixazo, 0.08)).rejects.toMatchObject({ code: "budget_exceeded" });
  });

  it("accepts exactly what fits when many runs arrive at once", async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => create(gptImage, 0.1)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await spendToday(handle.db, 0.1, now)).todayUsd).toBeCloseTo(0.06);
  });

  it("still counts the spend of deleted runs", async () => {
    const runs = await createSettledRuns();
    const before = await spendToday(handle.db, 0.1, now);

    for (const run of runs) await deleteRun(handle.db, run.id);

    expect(await spendToday(handle.db, 0.1, now)).toEqual(before);
    expect(before).toMatchObject({ todayUsd: 0.07, assumedUsd: 0.02 });
    await expect(create(gptImage, 0.1)).rejects.toMatchObject({ code: "budget_exceeded" });
  });

  it("lets a repeated request (same Idempotency-Key) through even when the budget is spent", async () => {
    const first = await create(gptImage, 0.07, { idempotencyKey: "k1" });
    expect(await create(gptImage, 0.07, { idempotencyKey: "k1" })).toEqual(first);
    await expect(create(gptImage, 0.07, { idempotencyKey: "k2" })).rejects.toMatchObject({
      code: "budget_exceeded",
    });
  });
});
