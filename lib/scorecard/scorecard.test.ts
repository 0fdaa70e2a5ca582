import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGalleryBodySchema, voteBodySchema } from "@/lib/api/gallery-requests";
import { scorecardQuerySchema } from "@/lib/api/scorecard-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { createGallery } from "@/lib/galleries/create-gallery";
import { annotateImage } from "@/lib/images/annotate-image";
import { getGalleryRows } from "@/lib/db/queries/galleries";
import { reviewImageIds } from "@/lib/views/review-image-ids";
import { castVote } from "@/lib/reviews/cast-vote";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { DASHSCOPE_CONFIG, runWithImages, Z_IMAGE_CONFIG } from "@/lib/testing/runs-with-images";
import { emptyDatabase } from "@/lib/testing/test-database";
import { getScorecard } from "./scorecard";
import { wilsonInterval } from "./wilson";

describe("the Wilson interval", () => {
  it("is honest about few ballots and stays within 0…1", () => {
    const three = wilsonInterval(3, 3)!;
    expect(three.value).toBe(1);
    expect(three.low).toBeCloseTo(0.4385, 3);
    expect(three.high).toBe(1);
    const half = wilsonInterval(50, 100)!;
    expect(half.low).toBeCloseTo(0.4038, 3);
    expect(half.high).toBeCloseTo(0.5962, 3);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe.each(DATABASE_ENGINES)("the scorecard, on $name", (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.open());
  });
  afterAll(() => dispose());
  beforeEach(async () => {
    await handle.db.execute(sql`truncate table galleries cascade`);
    await emptyDatabase(handle);
  });

  const SCHNELL = { modelId: Z_IMAGE_CONFIG.modelId, params: { aspect_ratio: "1:1" }, label: "Z fast" };
  const SLOW = { modelId: Z_IMAGE_CONFIG.modelId, params: { aspect_ratio: "16:9" }, label: "Z wide" };

  /** Succeeded jobs whose first image came `seconds` after the job, at `cost` each. */
  async function finish(runId: string, modelId: string, seconds: number, cost: number) {
    await handle.db.execute(sql`
      update jobs set status = 'succeeded', cost_usd = ${cost}, finished_at = created_at + make_interval(secs => ${seconds})
      where run_id = ${runId} and model_id = ${modelId}`);
    await handle.db.execute(sql`
      update images set created_at = jobs.created_at + make_interval(secs => ${seconds})
      from jobs where jobs.id = images.job_id and jobs.run_id = ${runId} and jobs.model_id = ${modelId}`);
  }

  it("gives each model and configuration its figures, and win rates from review ballots with an interval", async () => {
    const runs = [];
    for (const [index, prompt] of [
      "a packaging shot of tea",
      "a packaging shot of soap",
      "a fox",
    ].entries()) {
      const made = await runWithImages(handle.db, prompt, 2, [SCHNELL, SLOW, DASHSCOPE_CONFIG]);
      await finish(made.run.id, Z_IMAGE_CONFIG.modelId, 4 + index, 0.01);
      await finish(made.run.id, DASHSCOPE_CONFIG.modelId, 30, 0.04);
      runs.push(made);
    }
    // The fox's DashScope job failed instead.
    await handle.db.execute(
      sql`update jobs set status = 'failed' where run_id = ${runs[2]!.run.id} and model_id = ${DASHSCOPE_CONFIG.modelId}`,
    );
    await annotateImage(handle.db, runs[0]!.imageIds[0]![0]!, { starred: true });
    // A review of the two packaging runs; three reviewers pick Z fast twice and DashScope once on tea.
    const { slug } = await createGallery(
      handle.db,
      createGalleryBodySchema.parse({ runIds: [runs[0]!.run.id, runs[1]!.run.id], review: { blind: true } }),
    );
    // A blind review's page gives its own ids of the images: those are what reviewers send.
    const { shown } = await reviewImageIds(handle.db, (await getGalleryRows(handle.db, slug))!);
    const vote = (reviewer: string, imageId: string) =>
      castVote(
        handle.db,
        slug,
        { id: reviewer, clientKey: "test" },
        voteBodySchema.parse({ picks: [{ imageId: shown.get(imageId) }] }),
      );
    await vote("r1", runs[0]!.imageIds[0]![0]!);
    await vote("r2", runs[0]!.imageIds[0]![1]!);
    await vote("r3", runs[0]!.imageIds[2]![0]!);

    const card = await getScorecard(handle.db, scorecardQuerySchema.parse({}));
    const z = card.models.find((model) => model.modelId === Z_IMAGE_CONFIG.modelId)!;
    const dash = card.models.find((model) => model.modelId === DASHSCOPE_CONFIG.modelId)!;
    expect(card.interval).toBe("wilson-95");
    expect(z).toMatchObject({ runs: 3, images: 12, failureRate: 0, medianSeconds: 5, starsPerImage: 1 / 12 });
    expect(z.p95Seconds).toBeCloseTo(6, 5); // continuous percentile of 4, 4, 5, 5, 6, 6
    expect(z.costPerImageUsd).toBeCloseTo(0.005, 9);
    expect(dash).toMatchObject({ runs: 3, images: 6, failureRate: 1 / 3, medianSeconds: 30 });
    expect(dash.costPerImageUsd).toBeCloseTo(0.02, 9);
    // Model level: each ballot is one outcome between Z-Image and DashScope.
    expect(z.winRate).toMatchObject({ value: 2 / 3, comparisons: 3 });
    expect(dash.winRate).toMatchObject({ value: 1 / 3, comparisons: 3 });
    expect(z.winRate.low).toBeLessThan(2 / 3);
    expect(z.winRate.high).toBeGreaterThan(2 / 3);
    // Configuration level: each Z fast ballot beats Z wide and DashScope (4 wins); DashScope's beats both Z.
    const fast = z.configurations.find((configuration) => configuration.label === "Z fast")!;
    const wide = z.configurations.find((configuration) => configuration.label === "Z wide")!;
    expect(fast.winRate).toMatchObject({ value: 4 / 5, comparisons: 5 });
    expect(wide.winRate).toMatchObject({ value: 0, comparisons: 3 });
    expect(fast).toMatchObject({ runs: 3, images: 6, medianSeconds: 5 });
    expect(z.secondsHistogram.reduce((a, b) => a + b, 0)).toBe(6);
    expect(z.secondsHistogram[0]).toBe(2); // under 5 s: the two 4 s jobs
    expect(z.secondsHistogram[1]).toBe(4); // 5 s to under 10 s

    const packaging = await getScorecard(handle.db, scorecardQuerySchema.parse({ q: "PACKAGING shot" }));
    expect(packaging.models.find((model) => model.modelId === DASHSCOPE_CONFIG.modelId)).toMatchObject({
      runs: 2,
      failureRate: 0,
    });
    expect(
      (await getScorecard(handle.db, scorecardQuerySchema.parse({ since: "2999-01-01" }))).models,
    ).toEqual([]);
  });
});
