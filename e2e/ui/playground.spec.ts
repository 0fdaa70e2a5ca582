import { expect, test } from "@playwright/test";
import {
  DEFAULT_MODELS,
  expectImages,
  generate,
  imagesFrom,
  modelCheckbox,
  openPlayground,
  promptField,
  resultCard,
} from "../support/playground";
import { e2eSimulator } from "../support/env";

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("one prompt across four models shows every model's images side by side", async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByText("Simulated results")).toBeVisible();
  for (const model of DEFAULT_MODELS) await expect(modelCheckbox(page, model)).toBeChecked();
  await modelCheckbox(page, "Z-Image Turbo (DashScope)").check();

  await generate(page, "A lighthouse on a basalt cliff at dusk, long exposure");

  const models = [...DEFAULT_MODELS, "Z-Image Turbo (DashScope)"];
  for (const model of models) {
    const card = resultCard(page, model);
    await expect(card).toBeVisible();
    await expectImages(card);
    await expect(card.getByText(/^Took /)).toBeVisible();
  }
  await expect(page.getByRole("status").filter({ hasText: "4 of 4 configurations done" })).toBeVisible();

  const cards = await page.getByRole("list", { name: "Results" }).getByRole("article").all();
  const boxes = await Promise.all(cards.slice(0, 3).map((card) => card.boundingBox()));
  const tops = boxes.map((box) => Math.round(box?.y ?? -1));
  expect(new Set(tops).size, "the first three cards share a row").toBe(1);
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
});

test("one model failing never blocks the others", async ({ page }) => {
  await e2eSimulator.outcome({ provider: "pixazo", outcome: "content_policy" });
  await openPlayground(page);

  await generate(page, "A bowl of ramen, overhead shot, soft window light");

  const failed = resultCard(page, "Z-Image Turbo (pixazo)");
  await expect(failed.getByRole("alert")).toContainText("Generation failed", { timeout: 45_000 });
  await expect(failed.getByRole("alert")).toContainText(/content|policy|safety/i);
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expectImages(resultCard(page, "FLUX.1 (shortapi)"));
  await expectImages(resultCard(page, "GPT Image 2 (shortapi)"));
  await expect(page.getByRole("status").filter({ hasText: "1 failed" })).toBeVisible();
});

test("validation errors appear on their field and nothing is sent", async ({ page }) => {
  await openPlayground(page);
  const runRequests: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/runs")) runRequests.push(request.url());
  });

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(promptField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(promptField(page)).toHaveAccessibleDescription(/Prompt is required/);

  await promptField(page).fill("A paper crane on a desk");
  const pixazo = page.getByRole("group", { name: "Z-Image Turbo (pixazo)" });
  await pixazo.getByRole("button", { name: /^Parameters/ }).click();
  const steps = pixazo.getByLabel("Steps");
  await steps.fill("99");
  await expect(steps).toHaveAttribute("aria-invalid", "true");
  await expect(steps).toHaveAccessibleDescription(/50/);

  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(steps).toBeFocused();
  expect(runRequests).toHaveLength(0);

  await steps.fill("12");
  await expect(steps).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Generate" }).click();
  await expectImages(resultCard(page, "Z-Image Turbo (pixazo)"));
  expect(runRequests).toHaveLength(1);
});

test("an image opens large, steps with the arrow keys, closes with Esc and downloads", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("radio", { name: "16:9" }).check();
  await page.getByRole("radio", { name: "2 images" }).check();

  await generate(page, "Neon koi fish swimming through a rainy Tokyo street");
  const card = resultCard(page, "FLUX.1 (shortapi)");
  const images = await expectImages(card, 2);
  for (const model of DEFAULT_MODELS.slice(1))
    await expectImages(resultCard(page, model), imagesFrom(model, 2));

  // Clear of the star and note buttons in the top-right corner: at one scale, a 16:9 tile is short.
  await images.first().click({ position: { x: 12, y: 12 } });
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "FLUX.1" })).toBeVisible();
  await expect(dialog).toContainText("Neon koi fish swimming");
  await expect(dialog).toContainText("Aspect ratio");
  await expect(dialog.getByText("1 / 5 in run")).toBeVisible();

  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByText("2 / 5 in run")).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByText("5 / 5 in run")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByText("1 / 5 in run")).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await images.nth(1).click();
  await expect(dialog.getByText("2 / 5 in run")).toBeVisible();
  const downloadPromise = page.waitForEvent("download");
  await dialog.getByRole("link", { name: "Download" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("shortapi-flux-1-0-neon-koi-fish-swimming-through-a-2.png");
  expect(await download.failure()).toBeNull();
});

test("a model without a published price shows its assumed price, and the header how much spend is assumed", async ({
  page,
}) => {
  await openPlayground(page);
  // Pixazo publishes no price: the budget counts PRISM_ASSUMED_PRICES' default of $0.010 per image.
  await expect(page.getByText("assumed $0.010 / image").first()).toBeVisible();
  await generate(page, "A paper crane on a windowsill");
  await expectImages(resultCard(page, "Z-Image Turbo (pixazo)"));
  await page.reload();
  await expect(page.getByLabel(/^Today's simulated spend: \$[\d.]+, \$[\d.]+ of it assumed$/)).toBeVisible();
  await expect(page.getByText(/\(\$[\d.]+ assumed\)/)).toBeVisible();
});
