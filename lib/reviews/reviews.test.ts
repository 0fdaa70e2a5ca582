import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGalleryBodySchema, voteBodySchema } from "@/lib/api/gallery-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { getGalleryRows, revokeGallery } from "@/lib/db/queries/galleries";
import { newId } from "@/lib/db/ids";
import { insertOrFindInput, linkRunInputs } from "@/lib/db/queries/inputs";
import { createGallery } from "@/lib/galleries/create-gallery";
import { editGallery } from "@/lib/galleries/update-gallery";
import { annotateImage } from "@/lib/images/annotate-image";
import { MODEL_NAMES } from "@/lib/models/model-names";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { getGalleryView } from "@/lib/views/gallery-views";
import { findReviewInput } from "@/lib/views/review-inputs";
import { listRuns } from "@/lib/views/run-views";
import { findActiveGallery } from "@/lib/db/queries/galleries";
import { reviewRenditions } from "@/lib/db/review-schema";
import { castVote } from "./cast-vote";
import { revealReview } from "./review-controls";
import { getReviewResults } from "./review-results";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.execute(sql`truncate table galleries cascade`);
  await emptyDatabase(handle);
});

/** Two prompts, each on Z-Image and DashScope with two images per job, shared as one review link. */
async function reviewGallery(review?: { blind: boolean }, extra: Record<string, unknown> = {}) {
  const fox = await runWithImages(handle.db, "a red fox", 2);
  const owl = await runWithImages(handle.db, "a snowy owl", 2);
  const { slug } = await createGallery(
    handle.db,
    createGalleryBodySchema.parse({ runIds: [fox.run.id, owl.run.id], review, ...extra }),
  );
  return { slug, fox: fox.imageIds, owl: owl.imageIds };
}

/** A blind review's own id of each image (what its page gives reviewers to vote with). */
async function shownIds(slug: string): Promise<Map<string, string>> {
  const gallery = await findActiveGallery(handle.db, slug);
  if (gallery?.reviewMode !== "blind") return new Map();
  const rows = await handle.db
    .select()
    .from(reviewRenditions)
    .where(eq(reviewRenditions.galleryId, gallery.id));
  return new Map(rows.map((row) => [row.imageId, row.id]));
}

/** Votes as the review page would: with the review's own ids of the given images. */
const vote = async (
  slug: string,
  reviewer: string,
  imageIds: string[],
  extra: Record<string, unknown> = {},
  clientKey = "client-a",
) => {
  await getGalleryView(handle.db, slug, reviewer);
  const shown = await shownIds(slug);
  return castVote(
    handle.db,
    slug,
    { id: reviewer, clientKey },
    voteBodySchema.parse({
      picks: imageIds.map((imageId) => ({ imageId: shown.get(imageId) ?? imageId })),
      ...extra,
    }),
  );
};

const MODEL_WORDS = [
  "shortapi",
  "dashscope",
  "z-image",
  ...Object.values(MODEL_NAMES).map((name) => name.toLowerCase()),
];

describe("client review ballots", () => {
  it("counts one ballot per reviewer per prompt, and a change of mind replaces it", async () => {
    const { slug, fox, owl } = await reviewGallery({ blind: false });
    await vote(slug, "reviewer-a", [fox[0]![0]!, owl[1]![0]!], {
      comment: "fox A is sharper",
      reviewerName: "Ana",
    });
    await vote(slug, "reviewer-b", [fox[1]![1]!]);
    const changed = await vote(slug, "reviewer-b", [fox[0]![1]!]);
    expect(changed.picks).toHaveLength(1);

    const results = await getReviewResults(handle.db, slug);
    expect(results.ballotCount).toBe(2);
    expect(results.prompts[0]).toMatchObject({
      prompt: "a red fox",
      ballots: 2,
      models: [
        { modelId: "shortapi/z-image", picks: 2, winRate: 1 },
        { modelId: "dashscope/z-image-turbo", picks: 0, winRate: 0 },
      ],
    });
    expect(results.ballots.find((ballot) => ballot.reviewerName === "Ana")?.comment).toBe("fox A is sharper");
    expect(results.prompts[1]).toMatchObject({
      prompt: "a snowy owl",
      ballots: 1,
      models: [{ modelId: "dashscope/z-image-turbo", picks: 1 }, { picks: 0 }],
    });
  });

  it("tells two configurations of one model and two images of one configuration apart", async () => {
    const flux = { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", num_images: 2 } };
    const { run, imageIds } = await runWithImages(handle.db, "a red fox", 2, [
      { ...flux, params: { ...flux.params, performance: "dev" } },
      { ...flux, params: { ...flux.params, performance: "schnell" } },
    ]);
    const [dev, schnell] = imageIds as [string[], string[]];
    const { slug } = await createGallery(
      handle.db,
      createGalleryBodySchema.parse({ runIds: [run.id], review: { blind: true } }),
    );
    await vote(slug, "reviewer-a", [schnell[1]!]);
    await vote(slug, "reviewer-b", [schnell[1]!]);
    await vote(slug, "reviewer-c", [dev[0]!]);

    const [prompt] = (await getReviewResults(handle.db, slug)).prompts;
    expect(prompt?.models).toEqual([{ modelId: "shortapi/flux-1.0", picks: 3, winRate: 1 }]);
    expect(prompt?.leader).toMatchObject({ imageId: schnell[1], picks: 2, ballots: 3, clear: false });
    expect(prompt?.configurations.map((entry) => [entry.label, entry.picks])).toEqual([
      ["FLUX.1 · schnell", 2],
      ["FLUX.1 · dev", 1],
    ]);
    expect(prompt?.images.map((image) => [image.imageId, image.label, image.picks])).toEqual([
      [schnell[1], "FLUX.1 · schnell", 2],
      [dev[0], "FLUX.1 · dev", 1],
      [dev[1], "FLUX.1 · dev", 0],
      [schnell[0], "FLUX.1 · schnell", 0],
    ]);

    const blind = JSON.stringify(await getGalleryView(handle.db, slug, "reviewer-a")).toLowerCase();
    for (const word of [...MODEL_WORDS, "flux", "schnell", "performance"]) expect(blind).not.toContain(word);
    await revealReview(handle.db, slug);
    const revealed = (await getGalleryView(handle.db, slug, "reviewer-a"))?.review;
    const shown = await shownIds(slug);
    const picksOf = new Map(revealed?.tally?.prompts[0]?.images.map((image) => [image.imageId, image.picks]));
    expect([schnell[1], schnell[0], dev[0], dev[1]].map((id) => picksOf.get(shown.get(id!)!))).toEqual([
      2, 0, 1, 0,
    ]);
    const labelOf = new Map(
      revealed?.prompts[0]?.options.map((option) => [option.image.id, option.configuration]),
    );
    expect(labelOf.get(shown.get(schnell[0]!)!)).toBe("FLUX.1 · schnell");
    expect(labelOf.get(shown.get(dev[0]!)!)).toBe("FLUX.1 · dev");
  });

  it("refuses an image that is not in the gallery and two picks for one prompt, naming each", async () => {
    const { slug, fox } = await reviewGallery({ blind: true });
    const other = await runWithImages(handle.db, "elsewhere");
    await expect(vote(slug, "r", [other.imageIds[0]![0]!])).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "picks.0.imageId" }],
    });
    await expect(vote(slug, "r", [fox[0]![0]!, fox[1]![0]!])).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "picks.1.imageId", message: "Only one pick per prompt" }],
    });
    expect((await getReviewResults(handle.db, slug)).ballotCount).toBe(0);
  });

  it("answers 409 when review is off and 404 for a revoked or expired link", async () => {
    const plain = await reviewGallery(undefined);
    await expect(vote(plain.slug, "r", [plain.fox[0]![0]!])).rejects.toMatchObject({ code: "conflict" });
    await expect(getReviewResults(handle.db, plain.slug)).rejects.toMatchObject({ code: "conflict" });

    const revoked = await reviewGallery({ blind: false });
    await revokeGallery(handle.db, revoked.slug);
    await expect(vote(revoked.slug, "r", [revoked.fox[0]![0]!])).rejects.toMatchObject({ code: "not_found" });

    const expiring = await reviewGallery({ blind: false });
    await vote(expiring.slug, "r", [expiring.fox[0]![0]!]);
    await handle.db.execute(sql`update galleries set expires_at = now() - interval '1 minute'`);
    await expect(vote(expiring.slug, "r", [expiring.fox[0]![0]!])).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getGalleryView(handle.db, expiring.slug)).toBeNull();
    // The owner keeps the results of an expired link, and may still reveal them.
    expect((await getReviewResults(handle.db, expiring.slug)).ballotCount).toBe(1);
    await revealReview(handle.db, expiring.slug);
    await expect(getReviewResults(handle.db, revoked.slug)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("what a share page shows", () => {
  it("names no model, provider or parameter in a blind review until it is revealed", async () => {
    const { slug } = await reviewGallery({ blind: true });
    const view = await getGalleryView(handle.db, slug, "reviewer-a");
    expect(view?.runs).toEqual([]);
    expect(view?.review?.prompts.map((prompt) => prompt.options.length)).toEqual([4, 4]);
    expect(view?.review?.prompts[0]?.options.map((option) => option.label)).toEqual(["A", "B", "C", "D"]);
    const text = JSON.stringify(view).toLowerCase();
    for (const word of MODEL_WORDS) expect(text).not.toContain(word);
    expect(text).not.toContain("aspect_ratio");

    await revealReview(handle.db, slug);
    const revealed = await getGalleryView(handle.db, slug, "reviewer-a");
    expect(revealed?.review?.revealed).toBe(true);
    expect(revealed?.review?.prompts[0]?.options[0]?.modelId).toMatch(/^(shortapi|dashscope)\//);
    expect(revealed?.review?.tally?.prompts).toHaveLength(2);
    expect(revealed?.runs).toHaveLength(2);
  });

  it("shows a run's inputs: by their own ids on a plain link, by ids of the review's own in a blind one", async () => {
    const fox = await runWithImages(handle.db, "make the fox blue", 1);
    const input = await insertOrFindInput(handle.db, {
      id: newId(),
      sha256: "input-sha",
      blobKey: "input-key.png",
      thumbnailKey: "input-key.webp",
      width: 320,
      height: 240,
      contentType: "image/png",
      byteSize: 100,
    });
    await linkRunInputs(handle.db, fox.run.id, [input.id]);
    const share = (review?: { blind: boolean }) =>
      createGallery(handle.db, createGalleryBodySchema.parse({ runIds: [fox.run.id], review }));

    const plain = await getGalleryView(handle.db, (await share()).slug);
    expect(plain?.runs[0]?.inputs).toMatchObject([{ id: input.id, url: "/api/files/input-key.png" }]);

    const { slug } = await share({ blind: true });
    const blind = await getGalleryView(handle.db, slug, "reviewer-a");
    const [shown] = blind?.review?.prompts[0]?.inputs ?? [];
    expect(shown).toMatchObject({ width: 320, height: 240 });
    expect(shown?.url).toBe(`/api/galleries/${slug}/inputs/${shown?.id}`);
    expect(shown?.thumbnailUrl).toBe(`${shown?.url}/thumbnail`);
    const text = JSON.stringify(blind);
    for (const leak of [input.id, "input-key", fox.run.id]) expect(text).not.toContain(leak);
    // The same id on every visit; another review of the same run has another.
    const again = await getGalleryView(handle.db, slug, "reviewer-b");
    expect(again?.review?.prompts[0]?.inputs[0]?.id).toBe(shown?.id);
    const other = await getGalleryView(handle.db, (await share({ blind: true })).slug);
    expect(other?.review?.prompts[0]?.inputs[0]?.id).not.toBe(shown?.id);
    // The review's id finds the input in that review only.
    const rows = (await getGalleryRows(handle.db, slug))!;
    expect((await findReviewInput(handle.db, rows, shown!.id))?.id).toBe(input.id);
    expect(await findReviewInput(handle.db, rows, input.id)).toBeNull();

    await revealReview(handle.db, slug);
    const revealed = await getGalleryView(handle.db, slug, "reviewer-a");
    expect(revealed?.review?.prompts[0]?.inputs[0]?.id).toBe(shown?.id);
  });

  it("shuffles a blind review per reviewer, the same order on every visit", async () => {
    const { slug } = await reviewGallery({ blind: true });
    const order = async (reviewer: string) =>
      (await getGalleryView(handle.db, slug, reviewer))?.review?.prompts.flatMap((prompt) =>
        prompt.options.map((option) => option.image.id),
      );
    expect(await order("reviewer-a")).toEqual(await order("reviewer-a"));
    const orders = await Promise.all(["r1", "r2", "r3", "r4", "r5"].map(order));
    expect(new Set(orders.map((ids) => ids?.join())).size).toBeGreaterThan(1);
  });

  it("shows this reviewer's picks and keeps the tally from reviewers until revealed", async () => {
    const { slug, fox } = await reviewGallery({ blind: false });
    await vote(slug, "reviewer-a", [fox[1]![0]!], { comment: "nice" });
    const view = await getGalleryView(handle.db, slug, "reviewer-a");
    expect(view?.review?.prompts[0]?.pickedImageId).toBe(fox[1]![0]);
    expect(view?.review?.comment).toBe("nice");
    expect(view?.review?.tally).toBeNull();
    expect(
      (await getGalleryView(handle.db, slug, "reviewer-b"))?.review?.prompts[0]?.pickedImageId,
    ).toBeNull();
  });

  it("never shows what the owner paid, and shows stars and notes unless the owner hides notes", async () => {
    const { slug, fox } = await reviewGallery(undefined);
    await annotateImage(handle.db, fox[0]![0]!, { starred: true, note: "client favourite" });
    const view = await getGalleryView(handle.db, slug);
    expect(JSON.stringify(view)).not.toMatch(/"costUsd"|"estimatedCostUsd":\d/);
    expect(view?.runs[0]?.jobs[0]?.images[0]).toMatchObject({ starred: true, note: "client favourite" });

    await editGallery(handle.db, slug, { hideNotes: true, title: "Final picks" });
    const hidden = await getGalleryView(handle.db, slug);
    expect(hidden?.title).toBe("Final picks");
    expect(hidden?.runs[0]?.jobs[0]?.images[0]).toMatchObject({ starred: true, note: null });
  });

  it("lists only runs with a starred image under the Starred history filter", async () => {
    const starred = await runWithImages(handle.db, "starred run");
    await runWithImages(handle.db, "plain run");
    await annotateImage(handle.db, starred.imageIds[1]![0]!, { starred: true });
    const list = await listRuns(handle.db, { limit: 10, starred: true });
    expect(list.runs.map((run) => run.prompt)).toEqual(["starred run"]);
    await annotateImage(handle.db, starred.imageIds[1]![0]!, { starred: false });
    expect((await listRuns(handle.db, { limit: 10, starred: true })).runs).toEqual([]);
  });
});
