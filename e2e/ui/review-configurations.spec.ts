import { expect, test } from "../support/contract-test";
import type { ReviewResultsView } from "../../lib/api/review-views";
import type { ModelsResponse } from "../../lib/api/views";
import { csvCell } from "../../lib/views/tally";
import { appClient } from "../../lib/testing/app-client";
import { E2E_BASE_URL } from "../support/env";
import { expectNoneOf, pick, reveal, reviewer, reviewImageIds } from "../support/review";

const PROMPT = "A lemon on a marble table, morning light";
const FLUX = "shortapi/flux-1.0";
const TURBO = "pixazo/z-image-turbo";

test("a blind review of one model in two configurations tallies each configuration and image apart", async ({
  browser,
  page: owner,
}) => {
  test.setTimeout(120_000);
  const client = appClient(E2E_BASE_URL);
  const [dev, turbo] = await client.modelEntries({
    [FLUX]: { num_images: 2, performance: "dev" },
    [TURBO]: { num_images: 1 },
  });
  const schnell = { ...dev!, params: { ...dev!.params, performance: "schnell" } };
  const run = await client.waitForRun(
    (await client.createRun({ prompt: PROMPT, models: [dev!, schnell, turbo!] })).id,
  );
  const imagesOf = (configIndex: number) =>
    run.jobs.find((job) => job.configIndex === configIndex)!.images.map((image) => image.id);
  const [devImages, [schnellImage, otherSchnell], [turboImage]] = [imagesOf(0), imagesOf(1), imagesOf(2)];
  expect(devImages).toHaveLength(2);
  const { slug } = await client.createGallery({ runIds: [run.id], review: { blind: true } });
  const catalog = (await (await fetch(`${E2E_BASE_URL}/api/models`)).json()) as ModelsResponse;
  const secrets = [
    ...catalog.models
      .filter((model) => [FLUX, TURBO].includes(model.id))
      .flatMap((model) => [model.id, model.name, model.providerName, model.providerId]),
    "schnell",
    "performance",
  ];

  const shown = await reviewImageIds(slug);
  // Three reviewers: two prefer schnell, one the second dev image.
  const ballots = [schnellImage!, schnellImage!, devImages[1]!];
  const reviewers = [];
  for (const imageId of ballots) {
    const page = await reviewer(browser);
    const response = await page.goto(`/g/${slug}`);
    expectNoneOf(secrets, await response!.text(), "the blind page's HTML");
    await pick(page, shown.get(imageId)!);
    await page.getByRole("button", { name: "Send my picks" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved. Thank you!" })).toBeVisible();
    expectNoneOf(secrets, await page.content(), "the blind page after voting");
    expectNoneOf(secrets, await (await page.request.get(`/api/galleries/${slug}`)).text(), "the API");
    reviewers.push(page);
  }

  const results = (await (
    await owner.request.get(`/api/galleries/${slug}/results`)
  ).json()) as ReviewResultsView;
  const [tally] = results.prompts;
  expect(tally?.models).toEqual([
    { modelId: FLUX, picks: 3, winRate: 1 },
    { modelId: TURBO, picks: 0, winRate: 0 },
  ]);
  expect(tally?.configurations.map((entry) => [entry.label, entry.picks])).toEqual([
    ["FLUX.1 · schnell", 2],
    ["FLUX.1 · dev", 1],
    ["Z-Image Turbo", 0],
  ]);
  expect(tally?.images.map((image) => [image.imageId, image.picks])).toEqual([
    [schnellImage, 2],
    [devImages[1], 1],
    [devImages[0], 0],
    [otherSchnell, 0],
    [turboImage, 0],
  ]);

  await owner.goto(`/shared/${slug}/results`);
  await expect(owner.getByTestId("ballot-count")).toHaveText("3 ballots");
  const section = owner.getByRole("region", { name: `Results: ${PROMPT}` });
  const perImage = section.getByRole("list", { name: "Picks per image" });
  await expect(perImage.getByRole("img")).toHaveCount(5);
  await expect(
    perImage.getByRole("img", { name: "FLUX.1 · schnell · image 1: 2 of 3 votes · 67%" }),
  ).toBeVisible();
  await expect(
    perImage.getByRole("img", { name: "FLUX.1 · dev · image 2: 1 of 3 votes · 33%" }),
  ).toBeVisible();
  await expect(
    perImage.getByRole("img", { name: "FLUX.1 · dev · image 1: 0 of 3 votes · 0%" }),
  ).toBeVisible();
  const perConfiguration = section.getByRole("list", { name: "Picks per configuration" });
  await expect(perConfiguration.getByRole("img", { name: "FLUX.1 · dev: 1 of 3 votes · 33%" })).toBeVisible();
  const perModel = section.getByRole("list", { name: "Picks per model" });
  await expect(perModel.getByRole("img", { name: "FLUX.1: 3 of 3 votes · 100%" })).toBeVisible();
  const csv = await (await owner.request.get(`/api/galleries/${slug}/results?format=csv`)).text();
  // Ids are random: one that starts with "-" is written as a spreadsheet-safe cell.
  expect(csv).toContain(`"${PROMPT}",${FLUX},FLUX.1 · schnell,${csvCell(schnellImage!)},2,3,0.6667`);
  expect(csv).toContain(`"${PROMPT}",${FLUX},FLUX.1 · dev,${csvCell(devImages[0]!)},0,3,0.0000`);
  await owner.screenshot({ path: "test-results/review-configurations-results.png", fullPage: true });

  await reveal(owner);

  const last = reviewers[2]!;
  await last.reload();
  const card = (imageId: string) =>
    last.locator("label", { has: last.locator(`input[type="radio"][value="${shown.get(imageId)}"]`) });
  await expect(last.getByRole("radio", { name: /: FLUX\.1 · dev$/ })).toHaveCount(2);
  await expect(
    card(schnellImage!).getByRole("img", { name: "FLUX.1 · schnell: 2 of 3 votes · 67%" }),
  ).toBeVisible();
  await expect(
    card(devImages[1]!).getByRole("img", { name: "FLUX.1 · dev: 1 of 3 votes · 33%" }),
  ).toBeVisible();
  await expect(
    card(devImages[0]!).getByRole("img", { name: "FLUX.1 · dev: 0 of 3 votes · 0%" }),
  ).toBeVisible();
  await expect(
    card(otherSchnell!).getByRole("img", { name: "FLUX.1 · schnell: 0 of 3 votes · 0%" }),
  ).toBeVisible();
  await last.screenshot({ path: "test-results/review-configurations-revealed.png", fullPage: true });
});
