import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { strFromU8, unzipSync } from "fflate";
import { AppServer } from "@/lib/testing/app-server";
import { DEFAULT_MODELS, expectImages, generate, openPlayground, resultCard } from "../support/playground";

// Its own server: the test restarts it, and its simulator's image URLs are made to expire.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "prism-e2e-share-"));
const server = new AppServer({ port: 3392, dataDir, simulatorPort: 4392 });
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

interface Manifest {
  kind: string;
  title: string;
  note?: string;
  images: {
    file: string;
    prompt: string;
    model: string;
    configuration: string;
    params: Record<string, unknown>;
    timings: { finishedAt: string | null };
    contentType: string;
  }[];
}

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the link in a context that shares nothing with the author's, and checks every image really loaded. */
async function expectSharedImages(
  browser: Browser,
  url: string,
  title: string,
  count: number,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const images = page
    .getByRole("main")
    .getByRole("button", { name: /^Open image/ })
    .locator("img");
  await expect(images).toHaveCount(count);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
      .toBe(true);
  }
  return page;
}

test("a shared run survives expired provider URLs and a restart, and downloads as a ZIP", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  await openPlayground(page, server.baseUrl);
  const prompt = `A lighthouse on a cliff at dusk ${Date.now()}`;
  await generate(page, prompt);
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
  await page.getByRole("link", { name: "Open run page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: prompt })).toBeVisible();

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share" });
  const title = "Lighthouse options";
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel(/^Note/).fill("Which one for the poster?");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = dialog.getByLabel("Share link");
  await expect(link).toHaveValue(new RegExp(`^${server.baseUrl}/g/[\\w-]{22,}$`));
  const url = await link.inputValue();
  const slug = url.split("/g/")[1]!;
  await expect(dialog.getByRole("button", { name: "Copy link" })).toBeVisible();

  const viewer = await expectSharedImages(browser, url, title, DEFAULT_MODELS.length);
  const shareResponse = await viewer.request.get(url);
  expect(shareResponse.headers()["x-robots-tag"]).toContain("noindex");
  expect(shareResponse.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(viewer.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(viewer.getByText("Which one for the poster?")).toBeVisible();
  await viewer.screenshot({ path: testInfo.outputPath("share-page.png"), fullPage: true });
  await viewer.context().close();

  // Provider URLs die; Prism's copies must not.
  await server.simulator.expireImages();
  await server.stop();
  await server.start();
  await (await expectSharedImages(browser, url, title, DEFAULT_MODELS.length)).context().close();

  const og = await request.get(`${server.baseUrl}/g/${slug}/opengraph-image`);
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");

  const zipResponse = await request.get(`${server.baseUrl}/api/galleries/${slug}/download`);
  expect(zipResponse.status()).toBe(200);
  expect(zipResponse.headers()["content-disposition"]).toContain('filename="lighthouse-options.zip"');
  const entries = unzipSync(new Uint8Array(await zipResponse.body()));
  const manifest = JSON.parse(strFromU8(entries["manifest.json"]!)) as Manifest;
  expect(manifest).toMatchObject({ kind: "gallery", title, note: "Which one for the poster?" });
  expect(manifest.images).toHaveLength(DEFAULT_MODELS.length);
  expect(Object.keys(entries).sort()).toEqual(
    ["manifest.json", ...manifest.images.map((image) => image.file)].sort(),
  );
  for (const image of manifest.images) {
    expect(image.prompt).toBe(prompt);
    // Prompt number, column label and take, then model, prompt words and position.
    expect(image.file).toMatch(/^p1-[a-z0-9-]+-take1-[a-z0-9-]+-a-lighthouse-on-a-cliff-at-\d+\.png$/);
    expect(image.params).toEqual(expect.any(Object));
    expect(image.timings.finishedAt).toEqual(expect.any(String));
    expect([...entries[image.file]!.subarray(0, 4)]).toEqual(PNG_MAGIC);
  }
  expect(new Set(manifest.images.map((image) => image.model)).size).toBe(DEFAULT_MODELS.length);
  expect(new Set(manifest.images.map((image) => image.configuration)).size).toBe(DEFAULT_MODELS.length);

  const unknown = await request.get(`${server.baseUrl}/g/${"A".repeat(24)}`);
  expect(unknown.status()).toBe(404);
  expect((await request.get(`${server.baseUrl}/api/galleries/${"A".repeat(24)}`)).status()).toBe(404);
});

test("images selected across runs share as one gallery, which can be revoked", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const prompts = [`A paper boat ${Date.now()}`, `A glass apple ${Date.now()}`];
  const runUrls: string[] = [];
  for (const prompt of prompts) {
    await openPlayground(page, server.baseUrl);
    await generate(page, prompt);
    for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
    await page.getByRole("link", { name: "Open run page" }).click();
    await page.waitForURL(/\/runs\/[\w-]+$/);
    runUrls.push(page.url());
  }

  for (const [index, runUrl] of runUrls.entries()) {
    await page.goto(runUrl);
    if (index === 0) await page.getByRole("button", { name: "Select images" }).click();
    await page.getByRole("button", { name: `Select image 1 of 1 from ${DEFAULT_MODELS[index]}` }).click();
  }
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("2 images selected");

  await page.goto(`${server.baseUrl}/history`);
  await expect(
    page.getByRole("list", { name: "Runs" }).getByRole("link").filter({ hasText: prompts[0]! }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("history-page.png"), fullPage: true });
  await bar.getByRole("button", { name: "Share selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Share" });
  await dialog.getByLabel("Title").fill("Picks");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByLabel("Share link").inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(bar).toBeHidden();

  const viewer = await expectSharedImages(browser, url, "Picks", 2);
  for (const prompt of prompts)
    await expect(viewer.getByRole("region", { name: `Prompt: ${prompt}` })).toBeVisible();
  await viewer.context().close();

  await page.goto(`${server.baseUrl}/shared`);
  await page.getByRole("button", { name: "Revoke link: Picks" }).click();
  await page
    .getByRole("dialog", { name: "Revoke this link?" })
    .getByRole("button", { name: "Revoke link" })
    .click();
  await expect(page.getByRole("button", { name: "Revoke link: Picks" })).toBeHidden();
  expect((await request.get(url)).status()).toBe(404);

  await page.goto(`${server.baseUrl}/history`);
  const runs = page.getByRole("list", { name: "Runs" });
  await runs.getByRole("link").filter({ hasText: prompts[1]! }).hover();
  await page.getByRole("button", { name: `Delete run: ${prompts[1]}` }).click();
  await page
    .getByRole("dialog", { name: "Delete this run?" })
    .getByRole("button", { name: "Delete run" })
    .click();
  await expect(runs.getByRole("link").filter({ hasText: prompts[1]! })).toBeHidden();
  await expect(runs.getByRole("link").filter({ hasText: prompts[0]! })).toBeVisible();
});
