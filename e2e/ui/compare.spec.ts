import { expect, test } from "@playwright/test";
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
  await expect(page.locator("[data-compare-image]").nth(1)).toHaveAttribute(
    "style",
    /inset\(0px 0px 0px 55%\)/,
  );

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
  await expect(matrix.getByRole("img")).toHaveCount(8);
  await page.screenshot({ path: "test-results/compare-matrix-links.png" });

  await matrix.getByRole("link", { name: "Compare this row: prompt 2" }).click();
  await expect(page).toHaveURL(/\/compare\?images=/);
  const panels = page.locator("[data-compare-panel]");
  // One image per configuration, the two-image cell by its first.
  await expect(panels).toHaveCount(3);
  await expect(panels.first()).toContainText("FLUX.1");
  await page.screenshot({ path: "test-results/compare-row.png" });

  await page.goBack();
  await matrix.getByRole("link", { name: "Compare this column: Z-Image Turbo" }).click();
  await expect(panels).toHaveCount(2);
  await expect(panels.first()).toContainText("Z-Image Turbo");
});
