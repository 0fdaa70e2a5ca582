import { expect, type Page, test } from "@playwright/test";
import { E2E_BASE_URL } from "../support/env";
import { allModels, createRun, waitUntilTerminal } from "../support/runs";

/** One image from each of two runs, made through the API. */
async function twoImagesFromTwoRuns(): Promise<string[]> {
  const models = (await allModels(E2E_BASE_URL)).slice(0, 1);
  const ids: string[] = [];
  for (const prompt of ["a lighthouse at dusk", "a lighthouse at dawn"]) {
    const runId = await createRun(E2E_BASE_URL, { prompt, models });
    const jobs = await waitUntilTerminal(E2E_BASE_URL, runId);
    const response = await fetch(`${E2E_BASE_URL}/api/runs/${runId}`);
    const run = (await response.json()) as { jobs: { images: { id: string }[] }[] };
    expect(jobs[0]?.status).toBe("succeeded");
    ids.push(run.jobs[0]!.images[0]!.id);
  }
  return ids;
}

type Box = { x: number; y: number; width: number; height: number };

/** Presses on the swipe line (at `from` of the panel's width, a third down) and drags it to `to`. */
async function dragLine(page: Page, panel: Box, from: number, to: number) {
  const y = panel.y + panel.height / 3;
  await page.mouse.move(panel.x + panel.width * from, y);
  await page.mouse.down();
  await page.mouse.move(panel.x + panel.width * ((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(panel.x + panel.width * to, y, { steps: 4 });
  await page.mouse.up();
}

const transforms = (page: import("@playwright/test").Page) =>
  page
    .locator("[data-compare-image]")
    .evaluateAll((elements) => elements.map((element) => (element as HTMLElement).style.transform));

test("compare two images from different runs: synced zoom, swipe and flip with the keyboard", async ({
  page,
}) => {
  const ids = await twoImagesFromTwoRuns();
  await page.goto(`/compare?images=${ids.join(",")}`);
  const panels = page.locator("[data-compare-panel]");
  await expect(panels).toHaveCount(2);

  const box = (await panels.first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await transforms(page))[0]).not.toContain("scale(1)");
  const [first, second] = await transforms(page);
  expect(second).toBe(first);
  await page.screenshot({ path: "test-results/compare-desktop.png" });

  await page.keyboard.press("w");
  const slider = page.getByRole("slider", { name: "Swipe position" });
  await expect(slider).toHaveValue("50");
  await page.keyboard.press("]");
  await expect(slider).toHaveValue("55");
  await expect(page.locator("[data-swipe-clip]")).toHaveAttribute("style", /inset\(0px 0px 0px 55%\)/);

  // The line itself drags, with the mouse too, wherever the view is zoomed.
  const panel = (await panels.first().boundingBox())!;
  await dragLine(page, panel, 0.55, 0.25);
  await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(30);
  expect(Number(await slider.inputValue())).toBeGreaterThan(20);
  await page.screenshot({ path: "test-results/compare-swipe-dragged.png" });

  await page.keyboard.press("f");
  const shown = page.locator("[data-compare-image]");
  await expect(shown).toHaveCount(1);
  const before = await shown.getAttribute("data-compare-image");
  await page.keyboard.press("f");
  await expect(shown).not.toHaveAttribute("data-compare-image", before ?? "");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Side by side" }).click();
  await page.screenshot({ path: "test-results/compare-phone.png" });
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test("the swipe line follows a finger", async ({ page }) => {
    const ids = await twoImagesFromTwoRuns();
    await page.goto(`/compare?images=${ids.join(",")}`);
    await page.getByRole("button", { name: "Swipe", exact: true }).tap();
    const slider = page.getByRole("slider", { name: "Swipe position" });
    await expect(slider).toHaveValue("50");
    const panel = (await page.locator("[data-compare-panel]").boundingBox())!;
    const y = Math.round(panel.y + panel.height / 2);
    const at = (share: number) => [{ x: Math.round(panel.x + panel.width * share), y }];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0.5) });
    for (const share of [0.6, 0.7, 0.8]) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(share) });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(75);
    await page.screenshot({ path: "test-results/compare-swipe-touch.png" });
  });
});

test("the matrix compares a row across its configurations and a column across its prompts", async ({
  page,
}) => {
  const flux = { num_images: 1, aspect_ratio: "1:1" };
  const runId = await createRun(E2E_BASE_URL, {
    prompts: ["a lighthouse at dusk", "a red fox in the snow"],
    models: [
      { modelId: "shortapi/flux-1.0", params: { ...flux, performance: "dev" } },
      { modelId: "shortapi/flux-1.0", params: { ...flux, performance: "schnell" } },
      { modelId: "pixazo/z-image-turbo", params: { num_images: 2, image_size: "square_1_1" } },
    ],
  });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  await page.goto(`/runs/${runId}`);
  const matrix = page.getByRole("table", { name: "Results matrix" });
  // Two rows and three columns, each with images to compare.
  await expect(matrix.getByRole("link", { name: /^Compare this (row|column)/ })).toHaveCount(5);
  await page.screenshot({ path: "test-results/compare-matrix-links.png" });

  await matrix.getByRole("link", { name: "Compare this row: prompt 2" }).click();
  await expect(page).toHaveURL(/\/compare\?images=/);
  const panels = page.locator("[data-compare-panel]");
  // One image per configuration, the two-image cell by its first.
  await expect(panels).toHaveCount(3);
  await expect(panels.first()).toContainText("FLUX.1");
  // Each panel says its prompt and its parameters in words.
  await expect(panels.first().getByRole("button", { name: "a red fox in the snow" })).toBeVisible();
  await expect(panels.first()).toContainText("Number of images 1");
  await page.screenshot({ path: "test-results/compare-row.png" });

  await page.goBack();
  await matrix.getByRole("link", { name: "Compare this column: Z-Image Turbo" }).click();
  await expect(panels).toHaveCount(2);
  await expect(panels.first()).toContainText("Z-Image Turbo");

  // The two images of one cell read apart: each panel and its pick group by the image's number.
  const run = (await (await fetch(`${E2E_BASE_URL}/api/runs/${runId}`)).json()) as {
    jobs: { images: { id: string }[] }[];
  };
  const pair = run.jobs.find((job) => job.images.length === 2)!.images.map((image) => image.id);
  await page.goto(`/compare?images=${pair.join(",")}`);
  await expect(page.getByRole("group", { name: /^Your pick: / })).toHaveCount(2);
  for (const number of [1, 2]) {
    await expect(
      page.getByRole("group", { name: `Your pick: Z-Image Turbo · pixazo · image ${number}`, exact: true }),
    ).toBeVisible();
  }
});

test("the lightbox names each parameter in words, and seed and size once each", async ({ page }) => {
  const runId = await createRun(E2E_BASE_URL, {
    prompt: "a paper crane on a desk",
    models: [{ modelId: "dashscope/z-image-turbo", params: { size: "1024*1024", seed: 42 } }],
  });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  await page.goto(`/runs/${runId}`);
  const card = page.getByRole("article").first();
  await expect(card).toContainText("Seed 42");
  await card
    .getByRole("button", { name: /^Open / })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  const details = dialog.locator("dl").last();
  await expect(details.getByRole("term")).toHaveText(["Prompt extend", "Seed", "Size", "Cost", "Took"]);
  await expect(details.getByRole("definition").nth(1)).toHaveText("42");
  await expect(details.getByRole("definition").nth(2)).toHaveText("1024 × 1024");
  await page.screenshot({ path: "test-results/lightbox-details.png" });
});
