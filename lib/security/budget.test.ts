import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { jobs } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "@/lib/jobs/create-run";
import { jobTransitions } from "@/lib/jobs/runner/job-transitions";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { eq } from "drizzle-orm";
import { enforceDailyBudget, spendToday } from "./budget";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(() => emptyDatabase(handle));

const now = new Date("2026-03-01T15:00:00Z");
const gptImage = createRunBodySchema.parse({
  prompt: "a cat",
  models: [{ modelId: "shortapi/gpt-image-2", params: {} }],
});
const pixazo = createRunBodySchema.parse({
  prompt: "a cat",
  models: [{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } }],
});

describe("daily budget", () => {
  it("counts today's estimates, actual costs and nothing for uncharged failures", async () => {
    await createRun(handle.db, gptImage, { now: new Date("2026-02-28T23:59:00Z") });
    const charged = await createRun(handle.db, gptImage, { now });
    const refunded = await createRun(handle.db, gptImage, { now });
    await createRun(handle.db, pixazo, { now });
    await handle.db.update(jobs).set({ costUsd: 0.05 }).where(eq(jobs.runId, charged.id));
    const failure = jobTransitions.failed(now, {
      code: "content_policy",
      message: "refused",
      charged: false,
    });
    await handle.db.update(jobs).set(failure).where(eq(jobs.runId, refunded.id));

    expect(await spendToday(handle.db, 1, now)).toEqual({ todayUsd: 0.05, budgetUsd: 1, unpricedJobs: 1 });
  });

  it("refuses a run whose estimate would pass the budget, naming it", async () => {
    await createRun(handle.db, gptImage, { now });
    await expect(enforceDailyBudget(handle.db, gptImage, 0.1, now)).rejects.toThrow(AppError);
    await expect(enforceDailyBudget(handle.db, gptImage, 0.1, now)).rejects.toMatchObject({
      code: "budget_exceeded",
      status: 402,
      message: expect.stringContaining("daily budget of $0.100 (PRISM_DAILY_BUDGET_USD)"),
    });
    await expect(enforceDailyBudget(handle.db, gptImage, 0.12, now)).resolves.toBeUndefined();
    await expect(enforceDailyBudget(handle.db, gptImage, undefined, now)).resolves.toBeUndefined();
  });

  it("says when a model has no known price", async () => {
    await createRun(handle.db, gptImage, { now });
    const mixed = createRunBodySchema.parse({
      prompt: "a cat",
      models: [
        { modelId: "shortapi/gpt-image-2", params: {} },
        { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } },
      ],
    });
    await expect(enforceDailyBudget(handle.db, mixed, 0.1, now)).rejects.toMatchObject({
      message: expect.stringContaining("No price is known for Z-Image Turbo (pixazo); counted as $0."),
    });
  });

  it("lets a repeated request (same Idempotency-Key) through even when the budget is spent", async () => {
    const admit = (input: typeof gptImage) => enforceDailyBudget(handle.db, input, 0.07, now);
    const first = await createRun(handle.db, gptImage, { now, idempotencyKey: "k1", admit });
    expect(await createRun(handle.db, gptImage, { now, idempotencyKey: "k1", admit })).toEqual(first);
    await expect(createRun(handle.db, gptImage, { now, idempotencyKey: "k2", admit })).rejects.toMatchObject({
      code: "budget_exceeded",
    });
  });
});
