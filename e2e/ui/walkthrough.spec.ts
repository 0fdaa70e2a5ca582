import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { appClient } from "../../lib/testing/app-client";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";
import { pick, reviewImageIds } from "../support/review";

// A designer's walkthrough: one 3-prompt × 4-configuration run whose last column (the only
// DashScope one) has one failed cell, looked at on a laptop, a tablet and a phone.
const PROMPTS = [
  "a lighthouse at dusk, oil painting",
  "a red fox in the snow, telephoto",
  "a paper crane on a walnut desk, soft window light",
];
const MODEL_IDS = [
  "shortapi/flux-1.0",
  "shortapi/gpt-image-2",
  "pixazo/z-image-turbo",
  "dashscope/z-image-turbo",
];
const PHONE = { width: 390, height: 844 };

let runId = "";
/** The run's first image in each row, for picks. */
let firstImages: string[] = [];
let singleColumnRunId = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const app = appClient(E2E_BASE_URL);
  const entries = await app.modelEntries();
  const models = MODEL_IDS.map((id) => entries.find((entry) => entry.modelId === id)!);
  await e2eSimulator.outcome({ provider: "dashscope", outcome: "content_policy" });
  runId = (await app.createRun({ prompts: PROMPTS, models })).id;
  singleColumnRunId = (await app.createRun({ prompts: PROMPTS.slice(0, 2), models: models.slice(0, 1) })).id;
  const run = await app.waitForRun(runId);
  firstImages = PROMPTS.map((_, row) => run.jobs.find((job) => job.promptIndex === row)!.images[0]!.id);
  await app.waitForRun(singleColumnRunId);
});

test.afterAll(async () => {
  await e2eSimulator.reset();
});

const matrix = (page: Page) => page.getByRole("table", { name: "Results matrix" });
const failedCell = (page: Page) =>
  matrix(page)
    .getByRole("cell")
    .filter({ has: page.locator("[data-status=failed]") });
const showFailed = (page: Page) => page.getByRole("button", { name: "1 failed" });

/** Whether the element is wholly inside the page's viewport and the matrix's scrolling box. */
async function whollyInView(page: Page, element: Locator): Promise<boolean> {
  const box = (await matrix(page).boundingBox())!;
  const target = (await element.boundingBox())!;
  const viewport = page.viewportSize()!;
  const inside = (left: number, top: number, right: number, bottom: number) =>
    target.x >= left - 1 &&
    target.y >= top - 1 &&
    target.x + target.width <= right + 1 &&
    target.y + target.height <= bottom + 1;
  return (
    inside(0, 0, viewport.width, viewport.height) &&
    inside(box.x, box.y, box.x + box.width, box.y + box.height)
  );
}

/** Every column of the matrix in its box: nothing to scroll sideways for. */
async function expectEveryColumnInView(page: Page) {
  const overflow = await matrix(page).evaluate((box) => box.scrollWidth - box.clientWidth);
  expect(overflow, "the matrix scrolls sideways").toBeLessThanOrEqual(1);
  for (const header of await matrix(page).getByRole("columnheader").all()) {
    expect(await whollyInView(page, header)).toBe(true);
  }
}

/** The alpha of a CSS colour as getComputedStyle gives it (rgb, rgba, or a colour function with "/ a"). */
function alphaOf(colour: string): number {
  const slash = colour.match(/\/\s*([\d.]+%?)\s*\)$/);
  if (slash) return slash[1]!.endsWith("%") ? parseFloat(slash[1]!) / 100 : parseFloat(slash[1]!);
  const rgba = colour.match(/^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)$/);
  return rgba ? parseFloat(rgba[1]!) : 1;
}

async function finished(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toBeVisible();
  await expect(failedCell(page)).toHaveCount(1);
}

test("on a laptop the playground and the run page open with every column in view, the failure among them", async ({
  page,
}, testInfo) => {
  await finished(page, `/?from=${runId}`);
  await expectEveryColumnInView(page);
  await page.screenshot({ path: testInfo.outputPath("playground-1440.png") });
  // The playground's result is shared and downloaded where it is, as on the run page.
  await expect(page.getByRole("link", { name: "Download ZIP" })).toHaveAttribute(
    "href",
    `/api/runs/${runId}/download`,
  );
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  // The failed cell is in the third row, below the fold: one click away.
  await showFailed(page).click();
  await expect.poll(() => whollyInView(page, failedCell(page))).toBe(true);

  await finished(page, `/runs/${runId}`);
  await expect(
    page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Large" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expectEveryColumnInView(page);
  await page.screenshot({ path: testInfo.outputPath("run-1440.png") });
});

test("a density the designer picks is kept; columns beyond the edge are announced, and '1 failed' shows the failure", async ({
  page,
}, testInfo) => {
  await finished(page, `/?from=${runId}`);
  await page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Large" }).click();
  await page.reload();
  await expect(
    page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Large" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(failedCell(page)).toHaveCount(1);
  const more = page.getByRole("button", { name: /^\d more columns? →$/ });
  await expect(more).toBeVisible();
  expect(await whollyInView(page, failedCell(page))).toBe(false);

  // The sticky bands are opaque and cover every column they pass over.
  const band = matrix(page).getByRole("rowgroup").first();
  expect(alphaOf(await band.evaluate((element) => getComputedStyle(element).backgroundColor))).toBe(1);
  const widths = await band.evaluate((element) => ({
    band: element.getBoundingClientRect().width,
    row: element.firstElementChild!.scrollWidth,
  }));
  expect(widths.band).toBeGreaterThanOrEqual(widths.row - 1);
  const rowHeader = matrix(page).getByRole("rowheader").first();
  expect(alphaOf(await rowHeader.evaluate((element) => getComputedStyle(element).backgroundColor))).toBe(1);

  await showFailed(page).click();
  await expect.poll(() => whollyInView(page, failedCell(page))).toBe(true);
  await expect(failedCell(page)).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("playground-1440-large-failure.png") });

  await matrix(page).evaluate((box) => box.scrollTo({ left: 0 }));
  await more.click();
  await expect.poll(() => matrix(page).evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
});

test("thumbnails grow to fill the width, and large cards are capped", async ({ page }, testInfo) => {
  await finished(page, `/runs/${runId}`);
  await page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Thumbnails" }).click();
  const thumbnail = matrix(page)
    .getByRole("button", { name: /^Open image/ })
    .first();
  // At most 7rem wide before, whatever the room.
  expect((await thumbnail.boundingBox())!.width).toBeGreaterThan(7 * 16);
  for (const header of await matrix(page).getByRole("columnheader").locator("p").all()) {
    expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  }
  await page.screenshot({ path: testInfo.outputPath("run-1440-thumbnails.png") });

  await page.getByRole("group", { name: "Density" }).getByRole("button", { name: "Large" }).click();
  await page.goto(`/runs/${singleColumnRunId}`);
  const image = matrix(page)
    .getByRole("button", { name: /^Open image/ })
    .first();
  await expect(image).toBeVisible();
  expect((await image.boundingBox())!.width).toBeLessThanOrEqual(28 * 16);
});

test("on a tablet the run header's actions wrap under the title, and an alert spans the width", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await finished(page, `/runs/${runId}`);
  const section = page.locator("section", { has: page.getByRole("heading", { level: 1 }) }).first();
  const title = page.getByRole("heading", { level: 1 });
  const width = (await section.boundingBox())!.width;
  expect((await title.boundingBox())!.width).toBeGreaterThan(width * 0.6);
  await page.route("**/api/runs", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({
            error: { code: "unavailable", message: "The server is busy, try again in a minute." },
          }),
        })
      : route.fallback(),
  );
  await page.getByRole("button", { name: "Re-run same settings" }).click();
  await page
    .getByRole("dialog", { name: "Re-run the whole run?" })
    .getByRole("button", { name: /^Re-run \d+ jobs$/ })
    .click();
  const alert = page.getByRole("alert").filter({ hasText: "The server is busy" });
  await expect(alert).toBeVisible();
  expect((await alert.boundingBox())!.width).toBeGreaterThan(width * 0.9);
  expect((await title.boundingBox())!.width).toBeGreaterThan(width * 0.6);
  await expectEveryColumnInView(page);
  await page.screenshot({ path: testInfo.outputPath("run-768.png"), fullPage: true });
});

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    colorScheme: "dark",
    baseURL: E2E_BASE_URL,
  });
  return context.newPage();
}

test("on a phone each prompt heads its row and a whole image fits across", async ({ browser }, testInfo) => {
  const page = await phone(browser);
  await finished(page, `/runs/${runId}`);
  await page.screenshot({ path: testInfo.outputPath("run-390-dark.png") });
  for (let row = 0; row < PROMPTS.length; row++) {
    const heading = page.getByRole("rowheader", { name: PROMPTS[row] });
    await heading.scrollIntoViewIfNeeded();
    const image = matrix(page)
      .getByRole("row")
      .filter({ has: heading })
      .getByRole("button", { name: /^Open image/ })
      .first();
    await image.scrollIntoViewIfNeeded();
    const [headingBox, imageBox] = [(await heading.boundingBox())!, (await image.boundingBox())!];
    expect(headingBox.y + headingBox.height).toBeLessThanOrEqual(imageBox.y);
    expect(imageBox.x).toBeGreaterThanOrEqual(0);
    expect(imageBox.x + imageBox.width).toBeLessThanOrEqual(PHONE.width);
    expect(imageBox.width).toBeGreaterThan(PHONE.width * 0.6);
  }
  await page.screenshot({ path: testInfo.outputPath("run-390-dark-rows.png") });
  await page.context().close();
});

test("on a phone history's filters fold into one control and each run is a short card with a strip", async ({
  browser,
}, testInfo) => {
  const page = await phone(browser);
  await page.goto("/history");
  const search = page.getByRole("searchbox", { name: "Search prompts" });
  const filters = page.getByRole("button", { name: "Filters" });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await expect(search).toBeHidden();
  const card = page.getByRole("link", { name: PROMPTS[0] }).first();
  await expect(card).toBeVisible();
  expect((await card.boundingBox())!.height).toBeLessThan(PHONE.height * 0.4);
  const strip = card.locator("img").first();
  await expect
    .poll(() => strip.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
  await page.screenshot({ path: testInfo.outputPath("history-390-dark.png") });
  await filters.click();
  await expect(search).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("history-390-dark-filters.png") });
  await page.context().close();
});

test("on a phone a reviewer sends their picks from a bar that stays in view", async ({
  browser,
}, testInfo) => {
  const { slug } = await appClient(E2E_BASE_URL).createGallery({
    title: "Walkthrough review",
    runIds: [runId],
    review: { blind: true },
  });
  const blindIds = await reviewImageIds(slug);
  const page = await phone(browser);
  await page.goto(`/g/${slug}`);
  await pick(page, blindIds.get(firstImages[0]!)!);
  await pick(page, blindIds.get(firstImages[1]!)!);
  const send = page.getByRole("button", { name: "Send picks (2 of 3)" });
  await expect(send).toBeInViewport();
  await expect(page.getByRole("button", { name: "Send my picks" })).not.toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath("review-390-dark-bar.png") });
  await send.click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeAttached();
  await page.context().close();
});
