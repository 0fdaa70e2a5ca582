import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";
import { DEFAULT_MODELS, expectImages, generate, openPlayground, resultCard } from "../support/playground";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "prism-e2e-restart-"));
const server = new AppServer({ port: 3390, dataDir, simulatorPort: 4390 });

test.afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a run is still in history, with its images, after the server restarts", async ({ page }) => {
  test.setTimeout(240_000);
  await server.start();
  await openPlayground(page, server.baseUrl);
  const prompt = `A red bicycle leaning on a yellow wall ${Date.now()}`;
  await generate(page, prompt);
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
  const runHref = await page.getByRole("link", { name: "Open run page" }).getAttribute("href");
  expect(runHref).toMatch(/^\/runs\/[\w-]+$/);

  await server.stop();
  await server.start();

  await page.goto(`${server.baseUrl}/history`);
  const entry = page.getByRole("list", { name: "Runs" }).getByRole("link").filter({ hasText: prompt });
  await expect(entry).toBeVisible();
  await expect(entry).toHaveAttribute("href", runHref!);
  const thumbnail = entry.locator("img").first();
  await expect
    .poll(() =>
      thumbnail.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0),
    )
    .toBe(true);

  await entry.click();
  await expect(page.getByRole("heading", { level: 1, name: prompt })).toBeVisible();
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
});
