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
  it("answers exactly this on a small fixture: jobs without images, a configuration stored without a label, assumed prices", async () => {
    const tea = await runWithImages(handle.db, "a packaging shot of tea", 2, [
      SCHNELL,
      SLOW,
      DASHSCOPE_CONFIG,
    ]);
    await finish(tea.run.id, Z_IMAGE_CONFIG.modelId, 3, 0.25);
    await finish(tea.run.id, DASHSCOPE_CONFIG.modelId, 40, 0.5);
    const fox = await runWithImages(handle.db, "a fox", 1, [SCHNELL, DASHSCOPE_CONFIG]);
    await finish(fox.run.id, Z_IMAGE_CONFIG.modelId, 12, 0.125);
    // The fox's DashScope job failed before storing anything, and its price was an assumed one.
    await handle.db.execute(sql`delete from images where run_id = ${fox.run.id} and job_id in
      (select id from jobs where model_id = ${DASHSCOPE_CONFIG.modelId})`);
    await handle.db
      .execute(sql`update jobs set status = 'failed', cost_assumed = true, estimated_cost_usd = 0.5
      where run_id = ${fox.run.id} and model_id = ${DASHSCOPE_CONFIG.modelId}`);
    // A run stored before configurations had labels; one of its jobs still queued, no images.
    const old = await runWithImages(handle.db, "an old packaging shot", 1, [
      Z_IMAGE_CONFIG,
      DASHSCOPE_CONFIG,
    ]);
    await finish(old.run.id, Z_IMAGE_CONFIG.modelId, 70, 0.25);
    await handle.db
      .execute(sql`update runs set configs = (select jsonb_agg(config - 'label' order by position)
      from jsonb_array_elements(configs) with ordinality as element(config, position)) where id = ${old.run.id}`);
    await handle.db.execute(sql`delete from images where run_id = ${old.run.id} and job_id in
      (select id from jobs where model_id = ${DASHSCOPE_CONFIG.modelId})`);
    await annotateImage(handle.db, tea.imageIds[1]![0]!, { starred: true });
    await annotateImage(handle.db, fox.imageIds[0]![0]!, { starred: true });

    const card = await getScorecard(handle.db, scorecardQuerySchema.parse({}));
    expect(card).toEqual(PINNED);
  });
});

const NO_REVIEWS = { value: null, low: null, high: null, comparisons: 0 };

/** What the small fixture's scorecard is: pinned from the query as it answered before it was reworked. */
const PINNED = {
  models: [
    {
      modelId: "dashscope/z-image-turbo",
      runs: 3,
      images: 2,
      medianSeconds: 40,
      p95Seconds: 40,
      failureRate: 0.5,
      costPerImageUsd: 0.25,
      costAssumed: true,
      starsPerImage: 0,
      winRate: NO_REVIEWS,
      configurations: [
        {
          label: "Z-Image Turbo",
          runs: 1,
          images: 0,
          medianSeconds: null,
          p95Seconds: null,
          failureRate: null,
          costPerImageUsd: null,
          costAssumed: false,
          starsPerImage: null,
          winRate: NO_REVIEWS,
        },
        {
          label: "Z-Image Turbo",
          runs: 2,
          images: 2,
          medianSeconds: 40,
          p95Seconds: 40,
          failureRate: 0.5,
          costPerImageUsd: 0.25,
          costAssumed: true,
          starsPerImage: 0,
          winRate: NO_REVIEWS,
        },
      ],
      secondsHistogram: [0, 0, 0, 0, 1, 0, 0, 0],
    },
    {
      modelId: "shortapi/z-image",
      runs: 3,
      images: 6,
      medianSeconds: 7.5,
      p95Seconds: 61.29999999999998,
      failureRate: 0,
      costPerImageUsd: 0.14583333333333334,
      costAssumed: false,
      starsPerImage: 0.3333333333333333,
      winRate: NO_REVIEWS,
      configurations: [
        {
          label: "Z-Image",
          runs: 1,
          images: 1,
          medianSeconds: 70,
          p95Seconds: 70,
          failureRate: 0,
          costPerImageUsd: 0.25,
          costAssumed: false,
          starsPerImage: 0,
          winRate: NO_REVIEWS,
        },
        {
          label: "Z fast",
          runs: 2,
          images: 3,
          medianSeconds: 7.5,
          p95Seconds: 11.549999999999999,
          failureRate: 0,
          costPerImageUsd: 0.125,
          costAssumed: false,
          starsPerImage: 0.3333333333333333,
          winRate: NO_REVIEWS,
        },
        {
          label: "Z wide",
          runs: 1,
          images: 2,
          medianSeconds: 3,
          p95Seconds: 3,
          failureRate: 0,
          costPerImageUsd: 0.125,
          costAssumed: false,
          starsPerImage: 0.5,
          winRate: NO_REVIEWS,
        },
      ],
      secondsHistogram: [2, 0, 1, 0, 0, 1, 0, 0],
    },
  ],
  secondsBuckets: [5, 10, 20, 30, 60, 120, 300],
  interval: "wilson-95",
};
