import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { strFromU8, unzipSync } from "fflate";
import type { ModelsResponse, RunView } from "../../lib/api/views";
import { csvCell } from "../../lib/views/tally";
import { appClient } from "../../lib/testing/app-client";
import { E2E_BASE_URL } from "../support/env";
import { expectNoneOf, pick, reveal, reviewer } from "../support/review";

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
  };
});

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
  expect(names.filter((name) => name !== "manifest.json")).toHaveLength(fixture.modelOf.size);
  expectNoModelNames(names.join("\n"), "the ZIP's file names");
  expectNoModelNames(strFromU8(files["manifest.json"]!), "the ZIP manifest");
  for (const imageId of fixture.modelOf.keys()) {
    const single = await request.get(`/api/galleries/${fixture.slug}/images/${imageId}/download`);
    expect(single.status()).toBe(200);
    expectNoModelNames(single.headers()["content-disposition"] ?? "", "a single image's file name");
  }
}

test("a blind review: two reviewers vote, one changes their mind; nothing names a model until the reveal", async ({
  browser,
  page: owner,
}) => {
  test.setTimeout(120_000);
  const path = `/g/${fixture.slug}`;

  const alice = await reviewer(browser);
  const response = await alice.goto(path);
  expect(response?.status()).toBe(200);
  await expect(alice.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(alice.getByRole("radio")).toHaveCount(fixture.modelOf.size);
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

  await pick(alice, fixture.imageOf[0]!.get("shortapi/flux-1.0")!);
  await pick(alice, fixture.imageOf[1]!.get("shortapi/flux-1.0")!);
  await alice.getByLabel("Comment (optional)").fill("The first one has the warmest light.");
  await alice.getByLabel("Your name (optional)").fill("Alice");
  await alice.getByRole("button", { name: "Send my picks" }).click();
  await expect(alice.getByRole("status").filter({ hasText: "Saved. Thank you!" })).toBeVisible();
  await alice.screenshot({ path: "test-results/review-blind-voted.png", fullPage: true });

  const bob = await reviewer(browser);
  await bob.goto(path);
  await pick(bob, fixture.imageOf[0]!.get("shortapi/gpt-image-2")!);
  await pick(bob, fixture.imageOf[1]!.get("shortapi/gpt-image-2")!);
  await bob.getByLabel("Your name (optional)").fill("Bob");
  await bob.getByRole("button", { name: "Send my picks" }).click();
  await expect(bob.getByRole("status").filter({ hasText: "Saved. Thank you!" })).toBeVisible();

  // Bob comes back, finds his picks, and changes his mind on the first prompt.
  await bob.reload();
  await expect(
    bob.locator(`input[value="${fixture.imageOf[0]!.get("shortapi/gpt-image-2")}"]`),
  ).toBeChecked();
  await expect(bob.getByLabel("Your name (optional)")).toHaveValue("Bob");
  await pick(bob, fixture.imageOf[0]!.get("pixazo/z-image-turbo")!);
  await expect(bob.getByRole("status").filter({ hasText: "not sent yet" })).toBeVisible();
  await bob.getByLabel("Comment (optional)").fill("Changed my mind: the snail teapot one is more playful.");
  await bob.getByRole("button", { name: "Update my picks" }).click();
  await expect(bob.getByRole("status").filter({ hasText: "Saved. Thank you!" })).toBeVisible();
  expectNoModelNames(await bob.content(), "the blind page after voting");

  // The owner sees two ballots and the tally, then reveals.
  await owner.goto(`/shared/${fixture.slug}/results`);
  await expect(owner.getByTestId("ballot-count")).toHaveText("2 ballots");
  const [first, second] = PROMPTS.map((prompt) => owner.getByRole("region", { name: `Results: ${prompt}` }));
  await expect(first!.getByRole("img", { name: "FLUX.1: 1 of 2 votes · 50%" })).toBeVisible();
  await expect(first!.getByRole("img", { name: "Z-Image Turbo: 1 of 2 votes · 50%" })).toBeVisible();
  await expect(first!.getByRole("img", { name: "GPT Image 2: 0 of 2 votes · 0%" })).toBeVisible();
  await expect(second!.getByRole("img", { name: "FLUX.1: 1 of 2 votes · 50%" })).toBeVisible();
  await expect(second!.getByRole("img", { name: "GPT Image 2: 1 of 2 votes · 50%" })).toBeVisible();
  const comments = owner.getByRole("list", { name: "Comments" }).getByRole("listitem");
  await expect(comments).toHaveCount(2);
  await expect(comments.filter({ hasText: "— Alice" })).toContainText("warmest light");
  await expect(comments.filter({ hasText: "— Bob" })).toContainText("Changed my mind");
  const csv = await owner.request.get(`/api/galleries/${fixture.slug}/results?format=csv`);
  expect(await csv.text()).toContain(
    `${PROMPTS[0]},shortapi/flux-1.0,FLUX.1,${csvCell(fixture.imageOf[0]!.get("shortapi/flux-1.0")!)},1,2,0.5000`,
  );
  await owner.screenshot({ path: "test-results/review-results.png", fullPage: true });

  await reveal(owner);

  await bob.reload();
  await expect(bob.getByRole("radio", { name: /: FLUX\.1$/ })).toHaveCount(PROMPTS.length);
  await expect(bob.getByRole("radio", { name: /: Z-Image Turbo$/ }).first()).toBeChecked();
  await expect(bob.getByRole("img", { name: "FLUX.1: 1 of 2 votes · 50%" }).first()).toBeVisible();
  await expect(bob.getByText("2 people have voted.")).toBeVisible();
  await bob.screenshot({ path: "test-results/review-revealed.png", fullPage: true });
  await bob.setViewportSize({ width: 390, height: 844 });
  await bob.screenshot({ path: "test-results/review-revealed-phone.png" });
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
  const serious = async (label: string) => {
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const found = violations
        .filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))
        .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
      expect(found, `${label} (${theme})`).toEqual([]);
    }
  };
  await page.goto(`/g/${fixture.slug}`);
  await pick(page, fixture.imageOf[0]!.get("shortapi/flux-1.0")!);
  await serious("review page");
  await page.goto(`/shared/${fixture.slug}/results`);
  await serious("results page");
});
