import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGalleryBodySchema, voteBodySchema } from "@/lib/api/gallery-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { createGallery } from "@/lib/galleries/create-gallery";
import { annotateImage } from "@/lib/images/annotate-image";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { ballotsCsv } from "@/lib/views/ballots-csv";
import { getGalleryView, listGalleries } from "@/lib/views/gallery-views";
import { castVote, NEW_REVIEWERS_PER_HOUR } from "./cast-vote";
import { excludeBallot, revealReview, setReviewOptions } from "./review-controls";
import { getReviewResults } from "./review-results";
import { startNextRound } from "./next-round";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.execute(sql`truncate table galleries cascade`);
  await emptyDatabase(handle);
});

/** An open review of two prompts on two models, one image each. */
async function openReview(extra: Record<string, unknown> = {}) {
  const fox = await runWithImages(handle.db, "a red fox");
  const owl = await runWithImages(handle.db, "a snowy owl");
  const { slug } = await createGallery(
    handle.db,
    createGalleryBodySchema.parse({ runIds: [fox.run.id, owl.run.id], review: { blind: false }, ...extra }),
  );
  const view = await getGalleryView(handle.db, slug);
  const [foxKey, owlKey] = view!.review!.prompts.map((prompt) => prompt.key);
  return { slug, fox: fox.imageIds.flat(), owl: owl.imageIds.flat(), foxKey: foxKey!, owlKey: owlKey! };
}

const vote = (slug: string, reviewer: string, body: Record<string, unknown>, clientKey = "client-a") =>
  castVote(handle.db, slug, { id: reviewer, clientKey }, voteBodySchema.parse(body));

describe("reviews that end in a decision", () => {
  it("counts and shows “None of these” and per-prompt comments, ballot by ballot", async () => {
    const { slug, fox, owl, foxKey } = await openReview();
    await vote(slug, "ana", {
      picks: [
        { promptKey: foxKey, none: true, comment: "no fox looks real" },
        { imageId: owl[1], comment: "the eyes" },
      ],
      comment: "overall fine",
      reviewerName: "Ana",
    });
    await vote(slug, "ben", { picks: [{ imageId: fox[0] }] });
    const results = await getReviewResults(handle.db, slug);
    expect(results.prompts[0]).toMatchObject({
      ballots: 2,
      none: 1,
      leader: { imageId: fox[0], picks: 1, ballots: 2, clear: false },
      comments: [{ reviewerName: "Ana", text: "no fox looks real" }],
    });
    expect(results.ballots.map((ballot) => [ballot.reviewerName, ballot.comment, ballot.picks])).toEqual([
      [
        "Ana",
        "overall fine",
        [
          { promptKey: foxKey, imageId: null, none: true, comment: "no fox looks real" },
          { promptKey: results.prompts[1]!.key, imageId: owl[1], none: false, comment: "the eyes" },
        ],
      ],
      [undefined, undefined, [{ promptKey: foxKey, imageId: fox[0], none: false }]],
    ]);
    const csv = ballotsCsv(results).trim().split("\r\n");
    expect(csv).toHaveLength(1 + 2 * 2);
    expect(csv[1]).toMatch(/,Ana,open,,no,a red fox,,,,yes,no fox looks real,overall fine$/);
    const mine = (await getGalleryView(handle.db, slug, "ana"))!.review!;
    expect(mine.prompts.map((prompt) => [prompt.none, prompt.comment])).toEqual([
      [true, "no fox looks real"],
      [false, "the eyes"],
    ]);
  });

  it("closes voting on request and on reveal (unless kept open), and reopens it", async () => {
    const { slug, fox } = await openReview();
    await setReviewOptions(handle.db, slug, { open: false });
    await expect(vote(slug, "ana", { picks: [{ imageId: fox[0] }] })).rejects.toMatchObject({
      code: "review_closed",
      status: 409,
    });
    expect((await getGalleryView(handle.db, slug))?.review?.open).toBe(false);
    await setReviewOptions(handle.db, slug, { open: true });
    await vote(slug, "ana", { picks: [{ imageId: fox[0] }] });
    await revealReview(handle.db, slug, { keepOpen: true });
    await vote(slug, "ben", { picks: [{ imageId: fox[1] }] });
    await setReviewOptions(handle.db, slug, { open: true });
    const other = await openReview();
    await revealReview(handle.db, other.slug);
    await expect(vote(other.slug, "ana", { picks: [{ imageId: other.fox[0] }] })).rejects.toMatchObject({
      code: "review_closed",
    });
  });

  it("starts the next round with each prompt's top N, linked from the first, with a fresh shuffle", async () => {
    const { slug, fox, owl } = await openReview();
    await vote(slug, "ana", { picks: [{ imageId: fox[1] }, { imageId: owl[0] }] });
    const next = await startNextRound(handle.db, slug, 1);
    const round2 = await getGalleryView(handle.db, next.slug, "ana");
    expect(round2?.review?.round).toBe(2);
    expect(round2?.review?.prompts.map((prompt) => prompt.options.map((option) => option.image.id))).toEqual([
      [fox[1]],
      [owl[0]],
    ]);
    expect((await getReviewResults(handle.db, slug)).nextRounds).toEqual([{ slug: next.slug, round: 2 }]);
    expect((await getReviewResults(handle.db, next.slug)).previousRound).toEqual({ slug, round: 1 });
  });

  it("caps new open reviewers per address and hour; excluded ballots leave the tally and the links list, and come back", async () => {
    const { slug, fox } = await openReview();
    for (let index = 0; index < NEW_REVIEWERS_PER_HOUR; index += 1) {
      await vote(slug, `r${index}`, { picks: [{ imageId: fox[0] }] });
    }
    await expect(vote(slug, "one-too-many", { picks: [{ imageId: fox[0] }] })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await vote(slug, "elsewhere", { picks: [{ imageId: fox[1] }] }, "client-b");
    await vote(slug, "r0", { picks: [{ imageId: fox[1] }] });
    const before = await getReviewResults(handle.db, slug);
    expect(before.ballotCount).toBe(NEW_REVIEWERS_PER_HOUR + 1);
    const target = before.ballots.find((ballot) => ballot.picks[0]?.imageId === fox[1])!;
    await excludeBallot(handle.db, slug, target.id, true);
    const after = await getReviewResults(handle.db, slug);
    expect(after.ballotCount).toBe(NEW_REVIEWERS_PER_HOUR);
    expect(after.ballots.find((ballot) => ballot.id === target.id)?.excluded).toBe(true);
    const listed = (await listGalleries(handle.db)).find((gallery) => gallery.slug === slug);
    expect(listed?.review?.ballots).toBe(NEW_REVIEWERS_PER_HOUR);
    await excludeBallot(handle.db, slug, target.id, false);
    expect((await getReviewResults(handle.db, slug)).ballotCount).toBe(NEW_REVIEWERS_PER_HOUR + 1);
  });

  it("shows the owner's star after the reveal only when the owner opted in", async () => {
    const { slug, fox } = await openReview();
    await annotateImage(handle.db, fox[0]!, { starred: true });
    await revealReview(handle.db, slug);
    const starred = async () =>
      (await getGalleryView(handle.db, slug))!.review!.prompts[0]!.options.find(
        (option) => option.image.id === fox[0],
      )?.image.starred;
    expect(await starred()).toBe(false);
    await setReviewOptions(handle.db, slug, { showOwnerStars: true });
    expect(await starred()).toBe(true);
  });
});
