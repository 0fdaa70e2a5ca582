import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { strFromU8, unzipSync } from "fflate";
import type { ModelsResponse, RunView } from "../../lib/api/views";
import { csvCell } from "../../lib/views/tally";
import { appClient } from "../../lib/testing/app-client";
import { E2E_BASE_URL } from "../support/env";
import sharp from "sharp";
import type { GalleryView } from "../../lib/api/views";
import type { ReviewResultsView } from "../../lib/api/review-views";
import { expectAccessible } from "../support/axe";
import { expectNoneOf, pick, reveal, reviewer, reviewImageIds } from "../support/review";

const MODEL_IDS = ["shortapi/flux-1.0", "shortapi/gpt-image-2", "pixazo/z-image-turbo"];
const PROMPTS = ["A red bicycle leaning on a blue door", "A teapot shaped like a snail"];
const TITLE = "Poster direction, round 2";

interface Fixture {
  slug: string;
  /** Image id → model id, known to the owner only. */
  modelOf: Map<string, string>;
  /** Per prompt, image id by model id. */
  imageOf: Map<string, string>[];
  /** Every model id, model name and provider name of the catalog's models in the gallery. */
  secrets: string[];
  /** Image id → the blind review's own id of it (what its reviewers pick). */
  shown: Map<string, string>;
  runIds: string[];
}

test.describe.configure({ mode: "serial" });
let fixture: Fixture;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const client = appClient(E2E_BASE_URL);
  const models = await client.modelEntries(Object.fromEntries(MODEL_IDS.map((id) => [id, {}])));
  const runs: RunView[] = [];
  for (const prompt of PROMPTS) {
    runs.push(await client.waitForRun((await client.createRun({ prompt, models })).id));
  }
  const { slug } = await client.createGallery({
    title: TITLE,
    note: "Tell me your favourite for each.",
    runIds: runs.map((run) => run.id),
    review: { blind: true },
  });
  const catalog = (await (await fetch(`${E2E_BASE_URL}/api/models`)).json()) as ModelsResponse;
  const shown = catalog.models.filter((model) => MODEL_IDS.includes(model.id));
  fixture = {
    slug,
    modelOf: new Map(
      runs.flatMap((run) => run.jobs.flatMap((job) => job.images.map((image) => [image.id, job.modelId]))),
    ),
    imageOf: runs.map((run) => new Map(run.jobs.map((job) => [job.modelId, job.images[0]!.id]))),
    secrets: [
      ...new Set(shown.flatMap((model) => [model.id, model.name, model.providerName, model.providerId])),
    ],
    shown: await reviewImageIds(slug),
    runIds: runs.map((run) => run.id),
  };
});

/** The review's own id of the image `modelId` made for prompt `prompt`. */
const optionOf = (prompt: number, modelId: string) =>
  fixture.shown.get(fixture.imageOf[prompt]!.get(modelId)!)!;

function expectNoModelNames(text: string, where: string) {
  expectNoneOf(fixture.secrets, text, where);
}

async function checkDownloads(request: APIRequestContext) {
  const zip = await request.get(`/api/galleries/${fixture.slug}/download`);
  expect(zip.status()).toBe(200);
  expectNoModelNames(zip.headers()["content-disposition"] ?? "", "the ZIP's file name");
  const files = unzipSync(new Uint8Array(await zip.body()));
  const names = Object.keys(files);
  expect(names).toContain("manifest.json");
  const images = names.filter((name) => name !== "manifest.json");
  expect(images).toHaveLength(fixture.modelOf.size);
  // The ZIP holds the review's renditions, not the originals.
  for (const name of images) expect(name).toMatch(/^option-[a-z]+-.*\.webp$/);
  expectNoModelNames(names.join("\n"), "the ZIP's file names");
  expectNoModelNames(strFromU8(files["manifest.json"]!), "the ZIP manifest");
  expect(strFromU8(files["manifest.json"]!)).not.toMatch(/"(width|height|byteSize|contentType)"/);
  for (const id of fixture.shown.values()) {
    const single = await request.get(`/api/galleries/${fixture.slug}/images/${id}/download`);
    expect(single.status()).toBe(200);
    expect(single.headers()["content-type"]).toBe("image/webp");
    expectNoModelNames(single.headers()["content-disposition"] ?? "", "a single image's file name");
  }
  // The owner's ids are no way in.
  const original = [...fixture.shown.keys()][0]!;
  expect((await request.get(`/api/galleries/${fixture.slug}/images/${original}/download`)).status()).toBe(
    404,
  );
}

async function send(page: Page, label = "Send my picks") {
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. Thank you!" })).toBeVisible();
}

test("a blind review: three reviewers vote, the owner reads each ballot, closes voting and starts round 2", async ({
  browser,
  page: owner,
}) => {
  test.setTimeout(180_000);
  const path = `/g/${fixture.slug}`;

  const alice = await reviewer(browser);
  const response = await alice.goto(path);
  expect(response?.status()).toBe(200);
  await expect(alice.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  // Every image, and "None of these" once per prompt.
  await expect(alice.getByRole("radio")).toHaveCount(fixture.modelOf.size + PROMPTS.length);
  expectNoModelNames(await response!.text(), "the blind page's HTML");
  expectNoModelNames(await alice.content(), "the blind page's DOM");
  const api = await alice.request.get(`/api/galleries/${fixture.slug}`);
  expect(api.status()).toBe(200);
  expectNoModelNames(await api.text(), "the blind gallery's API answer");
  await checkDownloads(alice.request);

  const ogImage = await alice.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`^${E2E_BASE_URL}/g/${fixture.slug}/opengraph-image`));
  expectNoModelNames(ogImage!, "the OG image URL");
  expectNoModelNames(
    (await alice.locator('meta[property="og:image:alt"]').getAttribute("content")) ?? "",
    "the OG image alt",
  );
  const og = await alice.request.get(ogImage!);
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");

  // A reviewer's shuffle is theirs for good: the same order on every visit.
  const order = () =>
    alice
      .getByRole("radio")
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const firstOrder = await order();
  await alice.reload();
  expect(await order()).toEqual(firstOrder);

  // The keyboard moves the pick within a prompt, as in any radio group.
  const firstGroup = alice.getByRole("radiogroup").first();
  await firstGroup.getByRole("radio").first().focus();
  await alice.keyboard.press("Space");
  await expect(firstGroup.getByRole("radio").first()).toBeChecked();
  await alice.keyboard.press("ArrowRight");
  await expect(firstGroup.getByRole("radio").nth(1)).toBeChecked();

  // A refused ballot says why.
  await alice.route(`**/api/galleries/${fixture.slug}/votes`, (route) =>
    route.fulfill({
      status: 429,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "rate_limited", message: "Too many requests" } }),
    }),
  );
  await alice.getByRole("button", { name: "Send my picks" }).click();
  await expect(
    alice.getByRole("alert").filter({ hasText: "Too many picks were sent from your network" }),
  ).toBeVisible();
  await alice.unroute(`**/api/galleries/${fixture.slug}/votes`);

  await pick(alice, optionOf(0, "shortapi/flux-1.0"));
  await pick(alice, optionOf(1, "shortapi/flux-1.0"));
  await alice.getByLabel("Comment (optional)").fill("The first one has the warmest light.");
  await alice.getByLabel("Your name (optional)").fill("Alice");
  await send(alice);
  await alice.screenshot({ path: "test-results/review-blind-voted.png", fullPage: true });

  const bob = await reviewer(browser);
  await bob.goto(path);
  await pick(bob, optionOf(0, "shortapi/gpt-image-2"));
  await pick(bob, optionOf(1, "shortapi/gpt-image-2"));
  await bob.getByLabel("Your name (optional)").fill("Bob");
  await send(bob);

  // Bob comes back, finds his picks, and changes his mind on the first prompt.
  await bob.reload();
  await expect(bob.locator(`input[value="${optionOf(0, "shortapi/gpt-image-2")}"]`)).toBeChecked();
  await expect(bob.getByLabel("Your name (optional)")).toHaveValue("Bob");
  await pick(bob, optionOf(0, "pixazo/z-image-turbo"));
  await expect(bob.getByRole("status").filter({ hasText: "not sent yet" })).toBeVisible();
  await bob.getByLabel("Comment (optional)").fill("Changed my mind: the snail teapot one is more playful.");
  await send(bob, "Update my picks");
  expectNoModelNames(await bob.content(), "the blind page after voting");

  // Carol likes none of the bicycles, and says why on each prompt.
  const carol = await reviewer(browser);
  await carol.goto(path);
  const [bicycle, teapot] = PROMPTS.map((prompt) => carol.getByRole("region", { name: prompt }));
  await bicycle!.getByRole("radio", { name: "None of these" }).check();
  await bicycle!.getByLabel("Comment on this prompt (optional)").fill("None of the doors are blue enough.");
  await pick(carol, optionOf(1, "shortapi/flux-1.0"));
  await teapot!.getByLabel("Comment on this prompt (optional)").fill("Love the shell texture.");
  await carol.getByLabel("Your name (optional)").fill("Carol");
  await send(carol);
  await carol.reload();
  await expect(bicycle!.getByRole("radio", { name: "None of these" })).toBeChecked();
  await expect(teapot!.getByLabel("Comment on this prompt (optional)")).toHaveValue(
    "Love the shell texture.",
  );

  // The owner sees three ballots and the tally, and reads each ballot beside the images it picked.
  await owner.goto(`/shared/${fixture.slug}/results`);
  await expect(owner.getByTestId("ballot-count")).toHaveText("3 ballots");
  const [first, second] = PROMPTS.map((prompt) => owner.getByRole("region", { name: `Results: ${prompt}` }));
  await expect(first!.getByRole("img", { name: "FLUX.1: 1 of 3 votes · 33%" })).toBeVisible();
  await expect(first!.getByRole("img", { name: "Z-Image Turbo: 1 of 3 votes · 33%" })).toBeVisible();
  await expect(first!.getByRole("img", { name: "GPT Image 2: 0 of 3 votes · 0%" })).toBeVisible();
  await expect(first!).toContainText("1 said “None of these”");
  await expect(first!).toContainText("None of the doors are blue enough. — Carol");
  await expect(second!.getByRole("img", { name: "FLUX.1: 2 of 3 votes · 67%" })).toBeVisible();
  await expect(second!.getByRole("img", { name: "GPT Image 2: 1 of 3 votes · 33%" })).toBeVisible();
  await expect(second!.getByTestId("agreement")).toContainText("2 of 3 reviewers picked FLUX.1");
  const ballots = owner.getByRole("list", { name: "Ballots" });
  await expect(ballots.getByRole("listitem", { name: /^Ballot of / })).toHaveCount(3);
  const picksOf = (who: string) =>
    ballots.getByRole("list", { name: `Picks of ${who}` }).getByRole("listitem");
  await expect(ballots.getByRole("listitem", { name: "Ballot of Alice" })).toContainText("warmest light");
  await expect(picksOf("Alice")).toHaveText([/FLUX\.1/, /FLUX\.1/]);
  await expect(picksOf("Bob")).toHaveText([/Z-Image Turbo/, /GPT Image 2/]);
  await expect(picksOf("Carol")).toHaveText([
    /None of these.*None of the doors are blue enough/,
    /FLUX\.1.*Love the shell texture/,
  ]);
  const csv = await owner.request.get(`/api/galleries/${fixture.slug}/results?format=csv`);
  expect(await csv.text()).toContain(
    `${PROMPTS[0]},shortapi/flux-1.0,FLUX.1,${csvCell(fixture.imageOf[0]!.get("shortapi/flux-1.0")!)},1,3,0.3333`,
  );
  const ballotCsv = await (
    await owner.request.get(`/api/galleries/${fixture.slug}/results?format=csv&rows=ballots`)
  ).text();
  const rows = ballotCsv.trim().split("\r\n");
  expect(rows).toHaveLength(1 + 3 * PROMPTS.length);
  expect(rows.filter((row) => row.includes(",Carol,"))).toEqual([
    expect.stringMatching(new RegExp(`,${PROMPTS[0]},,,,yes,None of the doors are blue enough\\.,$`)),
    expect.stringContaining(
      `,${PROMPTS[1]},${csvCell(fixture.imageOf[1]!.get("shortapi/flux-1.0")!)},shortapi/flux-1.0,FLUX.1,no,Love the shell texture.,`,
    ),
  ]);
  await owner.screenshot({ path: "test-results/review-results.png", fullPage: true });

  // Closing voting: the page says so, and a fourth ballot is refused.
  await owner.getByRole("button", { name: "Close voting" }).click();
  await expect(owner.getByText("voting is closed")).toBeVisible();
  const dan = await reviewer(browser);
  await dan.goto(path);
  await expect(dan.getByText("Voting is closed: the owner is no longer taking picks.")).toBeVisible();
  await expect(dan.getByRole("button", { name: "Send my picks" })).toBeDisabled();
  const refused = await dan.request.post(`/api/galleries/${fixture.slug}/votes`, {
    data: { picks: [{ imageId: optionOf(0, "shortapi/flux-1.0") }] },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("review_closed");

  await reveal(owner);

  await bob.reload();
  await expect(bob.getByRole("radio", { name: /: FLUX\.1$/ })).toHaveCount(PROMPTS.length);
  await expect(bob.getByRole("radio", { name: /: Z-Image Turbo$/ }).first()).toBeChecked();
  await expect(bob.getByRole("img", { name: "FLUX.1: 1 of 3 votes · 33%" }).first()).toBeVisible();
  await expect(bob.getByText("3 people have voted.")).toBeVisible();
  await bob.screenshot({ path: "test-results/review-revealed.png", fullPage: true });
  await bob.setViewportSize({ width: 390, height: 844 });
  await bob.screenshot({ path: "test-results/review-revealed-phone.png" });

  // Round 2 with the top 2 of each prompt: blind again, under new ids.
  await owner.getByRole("button", { name: "Next round with the top 2" }).click();
  await owner.getByRole("link", { name: "Round 2: its results" }).click();
  await expect(owner.getByText("Review results · round 2")).toBeVisible();
  const results = (await (
    await owner.request.get(`/api/galleries/${fixture.slug}/results`)
  ).json()) as ReviewResultsView;
  const next = results.nextRounds[0]!;
  const round2 = await reviewer(browser);
  await round2.goto(`/g/${next.slug}`);
  await expect(round2.getByRole("radiogroup")).toHaveCount(PROMPTS.length);
  for (const group of await round2.getByRole("radiogroup").all()) {
    await expect(group.getByRole("radio")).toHaveCount(2 + 1);
  }
  const round2Ids = (await round2
    .getByRole("radio")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))) as string[];
  for (const id of round2Ids) expect([...fixture.shown.values(), ...fixture.shown.keys()]).not.toContain(id);
  expectNoModelNames(await round2.content(), "round 2's blind page");
});

test("a blind review serves renditions: one size and format per prompt, no metadata, ids no plain link has", async ({
  request,
}) => {
  const reviewer = await request.get(`/g/${fixture.slug}`);
  expect(reviewer.status()).toBe(200);
  const view = (await (await request.get(`/api/galleries/${fixture.slug}`)).json()) as GalleryView;
  const plain = await appClient(E2E_BASE_URL).createGallery({ runIds: fixture.runIds });
  const plainText = await (await request.get(`/api/galleries/${plain.slug}`)).text();
  for (const prompt of view.review!.prompts) {
    const sizes = new Set<string>();
    for (const option of prompt.options) {
      // Nothing in the payload sizes, types or orders an image.
      expect(Object.keys(option.image).sort()).toEqual(["id", "thumbnailUrl", "url"]);
      expect(plainText).not.toContain(option.image.id);
      expect(plainText).not.toContain(option.image.url);
      const served = await request.get(option.image.url);
      expect(served.status()).toBe(200);
      const bytes = await served.body();
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe("webp");
      expect([metadata.exif, metadata.xmp, metadata.icc, metadata.iptc]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      // No metadata chunk at all: only the image data (RIFF WEBP with VP8/VP8L, or VP8X without flags).
      const text = bytes.toString("latin1");
      for (const chunk of ["EXIF", "XMP ", "ICCP", "c2pa", "jumb", "tEXt", "iTXt"])
        expect(text).not.toContain(chunk);
      sizes.add(`${metadata.width}x${metadata.height}`);
    }
    expect(sizes.size).toBe(1);
  }
});

test("a plain share reads parameters as labels and carries the owner's stars and notes", async ({ page }) => {
  const client = appClient(E2E_BASE_URL);
  const models = await client.modelEntries({ "shortapi/flux-1.0": { aspect_ratio: "16:9" } });
  const run = await client.waitForRun(
    (await client.createRun({ prompt: "A quiet harbour at noon", models })).id,
  );
  const imageId = run.jobs[0]!.images[0]!.id;
  const patched = await fetch(`${E2E_BASE_URL}/api/images/${imageId}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ starred: true, note: "Best horizon line" }),
  });
  expect(patched.status).toBe(200);
  const shown = await client.createGallery({ runIds: [run.id] });
  const hidden = await client.createGallery({ runIds: [run.id], hideNotes: true });

  await page.goto(`/g/${shown.slug}`);
  const card = page.getByRole("article").first();
  await expect(card.getByText("Aspect ratio", { exact: true })).toBeVisible();
  await expect(card.getByText("16:9", { exact: true })).toBeVisible();
  await expect(card).not.toContainText("aspect_ratio");
  await expect(card.getByRole("list", { name: "Owner's picks and notes" })).toContainText(
    "Best horizon line",
  );
  await expect(card.getByRole("img", { name: "Starred by the owner" })).toBeVisible();
  await page.screenshot({ path: "test-results/share-labels.png" });

  // The lightbox's code loads on the first open; it shows the same labels, and closes.
  await card
    .getByRole("button", { name: /^Open / })
    .first()
    .click();
  const lightbox = page.getByRole("dialog", { name: /^Image 1 from FLUX/ });
  await expect(lightbox.getByText("Aspect ratio", { exact: true })).toBeVisible();
  await lightbox.getByRole("button", { name: "Close" }).click();
  await expect(lightbox).toBeHidden();

  await page.goto(`/g/${hidden.slug}`);
  await expect(page.getByRole("article").first().getByText("Aspect ratio", { exact: true })).toBeVisible();
  await expect(page.getByText("Best horizon line")).toHaveCount(0);
});

test("a shared matrix run shows each prompt with its own row of models and the seed each was sent", async ({
  page,
}) => {
  const client = appClient(E2E_BASE_URL);
  const models = await client.modelEntries({ "shortapi/flux-1.0": {}, "dashscope/z-image-turbo": {} });
  const prompts = ["A lantern in the fog", "A lantern under water"];
  const run = await client.waitForRun((await client.createRun({ prompts, models, seed: 4242 })).id);
  const { slug } = await client.createGallery({ runIds: [run.id] });

  await page.goto(`/g/${slug}`);
  for (const [index, prompt] of prompts.entries()) {
    const row = page.getByRole("region", { name: `Prompt: ${prompt}`, exact: true });
    await expect(row.getByRole("article")).toHaveCount(2);
    const expected = run.jobs.filter((job) => job.promptIndex === index).flatMap((job) => job.images);
    await expect(row.getByRole("button", { name: /^Open image/ })).toHaveCount(expected.length);
    await expect(row.getByRole("article", { name: "Z-Image Turbo (DashScope)" })).toContainText("4242");
  }
});

test("the review page and the results page have no serious accessibility findings", async ({ page }) => {
  const serious = (label: string) => expectAccessible(page, label);
  // Round 1 is closed by now: its page as closed, and round 2's (open) with a pick and a comment.
  await page.goto(`/g/${fixture.slug}`);
  await serious("closed review page");
  const results = (await (
    await page.request.get(`/api/galleries/${fixture.slug}/results`)
  ).json()) as ReviewResultsView;
  await page.goto(`/g/${results.nextRounds[0]!.slug}`);
  await page.getByRole("radio", { name: "None of these" }).first().check();
  await page.getByLabel("Comment on this prompt (optional)").first().fill("Close call");
  await serious("review page");
  await page.goto(`/shared/${fixture.slug}/results`);
  await serious("results page");
});
