import { expect, type Locator, type Page } from "@playwright/test";
import type { CreateRunResponse } from "../../lib/api/views";

/** What a first visit preselects: one model per family. */
export const DEFAULT_MODELS = ["FLUX.1 (shortapi)", "GPT Image 2 (shortapi)", "Z-Image Turbo (pixazo)"];

/** How many images a default model makes when `requested` are asked for (GPT Image 2 makes one per job). */
export const imagesFrom = (model: string, requested: number) => (model.startsWith("GPT") ? 1 : requested);

export const promptField = (page: Page) => page.getByLabel("Prompt", { exact: true });

export const resultCard = (page: Page, model: string) =>
  page.getByRole("article", { name: `Result from ${model}` });

export const modelCheckbox = (page: Page, model: string) =>
  page.getByRole("checkbox", { name: model, exact: true });

export async function openPlayground(page: Page, baseUrl = ""): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(promptField(page)).toBeVisible();
}

/**
 * Generates and waits until the new run is the one on screen: the playground restores its feed on
 * load, so the previous run's results (and its "Open run page") are visible until the new one arrives.
 */
export async function generate(page: Page, prompt: string): Promise<string> {
  await promptField(page).fill(prompt);
  const created = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/runs",
  );
  await page.getByRole("button", { name: "Generate" }).click();
  const { id } = (await (await created).json()) as CreateRunResponse;
  await expect(page.locator(`section[aria-labelledby="run-${id}-title"]`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Results" })).toBeVisible();
  return id;
}

/** Waits until a card shows its images, and returns them. */
export async function expectImages(card: Locator, count = 1): Promise<Locator> {
  const images = card.getByRole("button", { name: /^Open image/ });
  await expect(images).toHaveCount(count, { timeout: 45_000 });
  for (const image of await images.locator("img").all()) {
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
      .toBe(true);
  }
  return images;
}

/** An HTML page named as a PNG: an upload the server refuses. */
export const HTML_AS_PNG = {
  name: "notes.png",
  mimeType: "image/png",
  buffer: Buffer.from("<!doctype html><html><body>not a picture</body></html>"),
};
