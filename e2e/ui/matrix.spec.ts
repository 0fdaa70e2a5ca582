import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { CANARY_KEYS } from "../support/canary-keys";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";
import { createRun, waitUntilTerminal } from "../support/runs";

const PROMPTS = ["a lighthouse at dusk, oil painting", "a red fox in the snow", "a paper crane on a desk"];
const FLUX = { num_images: 1, aspect_ratio: "1:1" };
const MODELS = [
  { modelId: "shortapi/flux-1.0", params: { ...FLUX, performance: "dev" } },
  { modelId: "shortapi/flux-1.0", params: { ...FLUX, performance: "schnell" } },
  { modelId: "pixazo/z-image-turbo", params: { num_images: 2, image_size: "square_1_1" } },
];
const COLUMNS = ["FLUX.1 · dev (shortapi)", "FLUX.1 · schnell (shortapi)", "Z-Image Turbo (pixazo)"];

const matrix = (page: Page) => page.getByRole("table", { name: "Results matrix" });
const cell = (page: Page, column: number, row: number) =>
  matrix(page).getByRole("article", { name: `Result from ${COLUMNS[column]}, prompt ${row + 1}` });
const cells = (page: Page) => matrix(page).getByRole("article");

async function boxesOf(images: Locator) {
  return Promise.all((await images.all()).map(async (image) => (await image.boundingBox())!));
}

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("a 3 × 3 run is a matrix at one scale, whose cells cancel, retry, take again and copy as code", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Slow enough to cancel a job while it runs; the first shortapi job fails, to retry it.
  await e2eSimulator.settings({ stepMs: 4_000 });
  await e2eSimulator.outcome({ provider: "shortapi", outcome: "failed" });
  const runId = await createRun(E2E_BASE_URL, { prompts: PROMPTS, models: MODELS });

  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1, name: "3 prompts × 3 configurations" })).toBeVisible();
  await expect(matrix(page).getByRole("columnheader")).toHaveText([
    "Prompt",
    ...COLUMNS.map((name) => new RegExp(name.split(" (")[0]!)),
  ]);
  await expect(matrix(page).getByRole("rowheader")).toHaveText(PROMPTS);
  await expect(cells(page)).toHaveCount(9);

  const target = cell(page, 2, 1);
  await expect(target).toHaveAttribute("data-status", "running");
  await target.getByRole("button", { name: "Cancel" }).click();
  await expect(target).toHaveAttribute("data-status", "canceled");
  await expect(target).toContainText("pixazo may still finish the job and bill it");

  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toBeVisible({ timeout: 60_000 });
  await expect(cells(page).and(page.locator("[data-status=succeeded]"))).toHaveCount(7);
  const failed = cells(page).and(page.locator("[data-status=failed]"));
  await expect(failed).toHaveCount(1);
  await expect(failed.getByRole("alert")).toContainText("Generation failed");
  await failed.getByText("Details").click();
  await expect(failed.getByRole("alert").locator("details")).toHaveAttribute("open", "");

  // Every image of the matrix, one-image and two-image cells alike, is drawn at the same size.
  const images = matrix(page).getByRole("button", { name: /^Open image/ });
  // Five one-image FLUX cells (one failed) and two two-image Z-Image cells (one canceled).
  await expect(images).toHaveCount(5 + 4);
  const boxes = await boxesOf(images);
  for (const box of boxes) {
    expect(Math.abs(box.width - boxes[0]!.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.height - boxes[0]!.height)).toBeLessThanOrEqual(1);
  }
  const progress = page.getByRole("status").filter({ hasText: "7 of 9 cells done" });
  await expect(progress).toContainText("1 failed");
  await expect(progress).toContainText("1 canceled");
  await page.screenshot({ path: testInfo.outputPath("matrix-large.png") });

  // Retry the failed cell and take another take of a finished one: each then shows 2 takes.
  const failedName = (await failed.getAttribute("aria-label"))!;
  const retried = matrix(page).getByRole("article", { name: failedName, exact: true });
  await retried.getByRole("button", { name: "Retry" }).click();
  await expect(retried).toContainText("take 2 of 2");
  await expect(retried).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  const again = cell(page, 2, 0);
  await again.getByRole("button", { name: "Another take" }).click();
  await expect(again).toContainText("take 2 of 2");
  await expect(again).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await again.getByRole("button", { name: "Previous take" }).click();
  await expect(again).toContainText("take 1 of 2");
  await expect(again).toHaveAttribute("data-take", "1");
  await expect(again).toContainText(/Seed \d+|No seed/);

  // The lightbox moves across the matrix: ↓ to the next prompt in the same column, → along the row.
  await cell(page, 0, 0)
    .getByRole("button", { name: /^Open image 1/ })
    .click();
  const lightbox = page.getByRole("dialog");
  await expect(lightbox).toContainText(PROMPTS[0]!);
  await page.keyboard.press("ArrowDown");
  await expect(lightbox).toContainText(PROMPTS[1]!);
  await expect(lightbox.getByRole("heading", { name: "FLUX.1 · dev" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(lightbox).toContainText(PROMPTS[1]!);
  await expect(lightbox).toContainText(/Seed/);
  await page.keyboard.press("Escape");

  // Copy as code: the native request with the provider URL and the key as a variable, never the key.
  await cell(page, 0, 2).getByRole("button", { name: "Copy as code" }).click();
  const codeDialog = page.getByRole("dialog", { name: "Copy as code" });
  await expect(codeDialog.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
  await codeDialog.getByRole("button", { name: "Copy cURL" }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain("curl");
  // The provider's real API, even though this server runs on the simulator.
  expect(curl).toContain("https://api.shortapi.ai/api/v1/job/create");
  expect(curl).toContain("$SHORTAPI_KEY");
  for (const key of Object.values(CANARY_KEYS)) expect(curl).not.toContain(key);
  await expect(codeDialog.getByLabel("cURL code")).toHaveText(curl);
  await codeDialog.getByRole("tab", { name: "Python" }).click();
  await expect(codeDialog.getByLabel("Python code")).toContainText("SHORTAPI_KEY");
  await page.screenshot({ path: testInfo.outputPath("matrix-code.png") });
  await codeDialog.getByRole("button", { name: "Close" }).click();

  // The contact sheet: one PNG of the whole matrix.
  const [sheet] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "Contact sheet (PNG)" }).click(),
  ]);
  await sheet.waitForLoadState();
  expect(sheet.url()).toContain(`/api/runs/${runId}/contact-sheet`);
  const response = await page.request.get(sheet.url());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  await sheet.screenshot({ path: testInfo.outputPath("matrix-contact-sheet.png") });
  await sheet.close();

  // Thumbnails: the whole matrix in one screen, still at one scale.
  await page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Thumbnails" }).click();
  await expect(cells(page).first().getByRole("button", { name: "Another take" })).toHaveCount(0);
  const table = (await matrix(page).boundingBox())!;
  expect(table.y + table.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  const thumbnails = await boxesOf(matrix(page).getByRole("button", { name: /^Open image/ }));
  for (const box of thumbnails) expect(Math.abs(box.width - thumbnails[0]!.width)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath("matrix-thumbnails.png") });
  await page.reload();
  await expect(page.getByRole("button", { name: "Thumbnails" })).toHaveAttribute("aria-pressed", "true");
});

test("Thumbnails fit 12 prompts of one square image per cell on one screen, at one scale", async ({
  page,
}, testInfo) => {
  const prompts = Array.from({ length: 12 }, (_, index) => `a lighthouse at dusk, study ${index + 1}`);
  const square = { aspect_ratio: "1:1", num_images: 1 };
  const runId = await createRun(E2E_BASE_URL, {
    prompts,
    models: [
      { modelId: "shortapi/flux-1.0", params: { ...square, performance: "schnell" } },
      { modelId: "shortapi/z-image", params: square },
    ],
  });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  await page.goto(`/runs/${runId}`);
  await page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Thumbnails" }).click();
  const images = matrix(page).getByRole("button", { name: /^Open image/ });
  await expect(images).toHaveCount(24);
  const table = (await matrix(page).boundingBox())!;
  expect(table.y + table.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  const boxes = await boxesOf(images);
  for (const box of boxes) expect(Math.abs(box.width - boxes[0]!.width)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath("matrix-thumbnails-12-rows.png") });
});
