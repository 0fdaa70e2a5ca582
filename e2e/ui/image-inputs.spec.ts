import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { unzipSync } from "fflate";
import sharp from "sharp";
import type { GalleryView, RunView } from "../../lib/api/views";
import { appClient } from "../../lib/testing/app-client";
import { hasGpsTag } from "../../lib/testing/input-images";
import { HTML_AS_PNG } from "../support/playground";
import { E2E_BASE_URL } from "../support/env";
import { expectNoneOf, reviewer } from "../support/review";

// An edit run end to end: upload, four edit models × two instructions, before/after, compare and
// "Edit this image" (the e2e server runs with PUBLIC_URL, so the
// providers that fetch inputs by URL are offered).

const EDIT_MODELS = [
  "GPT Image 2 Edit (shortapi)",
  "FLUX.1 Image-to-Image (shortapi)",
  "Qwen Image Edit Plus (DashScope)",
  "Qwen Image Edit (pixazo)",
];
const INSTRUCTIONS = ["make it a watercolour", "turn it into a poster"];

/** A 320×240 green picture carrying an EXIF GPS position. */
async function greenPngWithGps(): Promise<Buffer> {
  const plain = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#10c030" } })
    .png()
    .toBuffer();
  return sharp(plain)
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .png()
    .toBuffer();
}

/** Green dominates: the simulator's output is the input under a translucent tint and caption. */
async function expectDerivedFromGreen(request: APIRequestContext, url: string) {
  const bytes = await (await request.get(url)).body();
  const { channels } = await sharp(bytes).stats();
  const [red, green, blue] = channels.map((channel) => channel.mean);
  expect(green!, url).toBeGreaterThan(red! + 40);
  expect(green!, url).toBeGreaterThan(blue! + 40);
}

async function selectOnly(page: Page, models: string[]) {
  const group = page.getByRole("form", { name: "Generate images" });
  for (const box of await page.locator('fieldset input[type="checkbox"][id^="model-"]').all()) {
    const name = (await box.getAttribute("aria-label")) ?? "";
    if ((await box.isChecked()) !== models.includes(name)) await box.setChecked(models.includes(name));
  }
  for (const model of models)
    await expect(group.getByRole("checkbox", { name: model, exact: true })).toBeChecked();
}

test("an edit run: upload, 2 instructions × 4 edit models, before/after, compare, ZIP, a blind review, Edit this image", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const png = await greenPngWithGps();
  expect(hasGpsTag((await sharp(png).metadata()).exif)).toBe(true);
  const uploads: { contentType: string }[] = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && new URL(sent.url()).pathname === "/api/inputs")
      uploads.push({ contentType: sent.headers()["content-type"] ?? "" });
  });

  await page.goto("/");
  const form = page.getByRole("form", { name: "Generate images" });
  await expect(form.getByRole("checkbox", { name: EDIT_MODELS[2]!, exact: true })).toBeDisabled();
  await form
    .getByLabel("Choose input images")
    .setInputFiles({ name: "field.png", mimeType: "image/png", buffer: png });
  const inputs = form.getByRole("list", { name: "Input images" });
  await expect(inputs.getByRole("listitem", { name: "Input 1 of 1, 320×240" })).toBeVisible();
  // Text-only models would ignore the image: they are no longer selected, and say so.
  await expect(form.getByRole("checkbox", { name: "FLUX.1 (shortapi)", exact: true })).not.toBeChecked();
  await expect(form.getByRole("group", { name: "FLUX.1 (shortapi)" })).toContainText("Ignores your images");
  await selectOnly(page, EDIT_MODELS);

  await page.getByRole("radio", { name: "Variants" }).check();
  await page.getByLabel("Prompt", { exact: true }).fill(INSTRUCTIONS.join("\n"));
  const created = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/runs",
  );
  await page.getByRole("button", { name: "Generate" }).click();
  const { id: runId } = (await (await created).json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/runs/${runId}`)).json()) as RunView).jobs.map((job) => job.status),
      {
        timeout: 90_000,
      },
    )
    .toEqual(Array(8).fill("succeeded"));
  const run = (await (await request.get(`/api/runs/${runId}`)).json()) as RunView;
  expect(run.inputs).toHaveLength(1);
  const input = run.inputs[0]!;

  // Every cell: an output derived from the input.
  const matrix = page.getByRole("table", { name: "Results matrix" });
  await expect(matrix.getByRole("columnheader").locator(`img[data-input-id="${input.id}"]`)).toBeVisible();
  const cells = matrix.getByRole("article");
  await expect(cells).toHaveCount(8);
  for (const job of run.jobs) {
    expect(job.images.length, job.modelId).toBeGreaterThan(0);
    await expectDerivedFromGreen(request, job.images[0]!.url);
  }
  for (const thumbnail of await cells
    .getByRole("button", { name: /^Open image/ })
    .locator("img")
    .all())
    await expectDerivedFromGreen(request, (await thumbnail.getAttribute("src"))!);

  // The lightbox toggles before and after, by key and by button.
  await cells
    .first()
    .getByRole("button", { name: /^Open image 1/ })
    .click();
  const dialog = page.getByRole("dialog");
  const shown = dialog.locator("img[data-showing]");
  await expect(shown).toHaveAttribute("data-showing", "output");
  await page.keyboard.press("b");
  await expect(shown).toHaveAttribute("data-showing", "input");
  await expect(shown).toHaveAttribute("src", input.url);
  await dialog.getByRole("button", { name: "Before / after" }).click();
  await expect(shown).toHaveAttribute("data-showing", "output");

  // Compare: the input as one side, swiped against the output.
  await dialog.getByRole("link", { name: "Compare with input" }).click();
  await expect(page).toHaveURL(/\/compare\?images=.*&input=1/);
  await expect(page.getByRole("button", { name: "Input as a side" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Swipe" }).click();
  await expect(page.getByText("Input image").first()).toBeVisible();
  await expect(page.locator(`[data-compare-panel] img[src="${input.url}"]`)).toHaveCount(1);
  await page.getByLabel("Swipe position").fill("30");

  // The ZIP holds the input, without its GPS tag.
  const zip = unzipSync(new Uint8Array(await (await request.get(`/api/runs/${runId}/download`)).body()));
  const inputFiles = Object.keys(zip).filter((name) => name.startsWith("inputs/"));
  expect(inputFiles).toHaveLength(1);
  const stored = await sharp(Buffer.from(zip[inputFiles[0]!]!)).metadata();
  expect(hasGpsTag(stored.exif)).toBe(false);

  // A blind review link shows the input above the prompts, under the review's own id, naming no model.
  const client = appClient(E2E_BASE_URL);
  const { slug } = await client.createGallery({ runIds: [runId], review: { blind: true } });
  const blind = (await (await request.get(`/api/galleries/${slug}`)).json()) as GalleryView;
  const shownInput = blind.review!.prompts[0]!.inputs[0]!;
  expect(shownInput.url).toBe(`/api/galleries/${slug}/inputs/${shownInput.id}`);
  expect(JSON.stringify(blind)).not.toContain(input.id);
  await expectDerivedFromGreen(request, shownInput.url);
  const secrets = [
    ...run.jobs.map((job) => job.modelId),
    ...EDIT_MODELS.flatMap((name) => name.replace(")", "").split(" (")),
  ];
  const visitor = await reviewer(browser);
  const response = await visitor.goto(`/g/${slug}`);
  expectNoneOf([...secrets, input.id], await response!.text(), "the blind review page");
  const before = visitor.getByRole("region", { name: "Input images" });
  await expect(before).toHaveCount(1);
  await expect(before.getByRole("heading", { name: "Before" })).toBeVisible();
  await expect(before.locator(`img[data-input-id="${shownInput.id}"]`)).toBeVisible();
  // Its lightbox toggles the input in (B), at the review's URL.
  await visitor.getByRole("button", { name: "View Image A larger" }).first().click();
  const reviewDialog = visitor.getByRole("dialog");
  await visitor.keyboard.press("b");
  await expect(reviewDialog.locator("img[data-showing]")).toHaveAttribute("data-showing", "input");
  await expect(reviewDialog.locator("img[data-showing]")).toHaveAttribute("src", shownInput.url);
  await visitor.context().close();

  // A plain link's compare view puts the input in as a side too.
  const plain = await client.createGallery({ runIds: [runId] });
  const pair = [run.jobs[0]!.images[0]!.id, run.jobs[1]!.images[0]!.id].join(",");
  await page.goto(`/g/${plain.slug}/compare?images=${pair}&input=1`);
  await expect(page.getByRole("button", { name: "Input as a side" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`[data-compare-panel] img[src="${input.url}"]`)).toHaveCount(1);
  // …and its ZIP holds the input too.
  const sharedZip = await request.get(`/api/galleries/${plain.slug}/download`);
  expect(sharedZip.status()).toBe(200);
  const sharedFiles = Object.keys(unzipSync(new Uint8Array(await sharedZip.body())));
  expect(sharedFiles.filter((name) => name.startsWith("inputs/"))).toHaveLength(1);

  // "Edit this image" on a result: a new run on that stored image, with no upload.
  await page.goto("/");
  const uploadsBefore = uploads.length;
  const firstResult = page
    .getByRole("article")
    .filter({ has: page.getByRole("button", { name: /^Open image/ }) })
    .first();
  await firstResult.hover();
  await firstResult.getByRole("button", { name: /^Edit image 1/ }).click();
  const edited = form.getByRole("list", { name: "Input images" }).getByRole("listitem");
  await expect(edited).toHaveCount(1);
  const editedId = await edited.getAttribute("data-input-id");
  expect(editedId).not.toBe(input.id);
  expect(uploads.slice(uploadsBefore).map((upload) => upload.contentType)).toEqual(["application/json"]);
  const second = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/runs",
  );
  await page.getByRole("button", { name: "Generate" }).click();
  const secondRun = await second;
  expect((secondRun.request().postDataJSON() as { inputs: string[] }).inputs).toEqual([editedId]);
  await page.screenshot({ path: "test-results/image-inputs-playground.png", fullPage: false });
});

test("an upload the server refuses is named beside the inputs, and nothing is added", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "Generate images" });
  await form.getByLabel("Choose input images").setInputFiles(HTML_AS_PNG);
  await expect(form.getByRole("alert")).toContainText("notes.png");
  await expect(form.getByRole("alert")).toContainText("HTML");
  await expect(form.getByRole("list", { name: "Input images" })).toHaveCount(0);
});
