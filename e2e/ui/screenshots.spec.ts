import { expect, test, type Page } from "@playwright/test";
import {
  DEFAULT_MODELS,
  expectImages,
  generate,
  imagesFrom,
  openPlayground,
  resultCard,
} from "../support/playground";

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** What a reader sees first: the page's canvas colour. */
const canvasColour = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

// Saves a screenshot of each combination for people to look at; the assertions are what can be checked.
test("a finished run shows every image on desktop and phone, light and dark, without sideways scrolling", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await page.getByRole("radio", { name: "3:2" }).check();
  await page.getByRole("radio", { name: "2 images" }).check();
  await generate(
    page,
    "Isometric cutaway of a tiny bookshop in a hollow tree, warm lamplight, soft pastel palette",
  );
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model), imagesFrom(model, 2));
  await page.screenshot({ path: testInfo.outputPath("playground-desktop-light.png") });
  const runPath = await page.getByRole("link", { name: "Open run page" }).getAttribute("href");

  for (const viewport of VIEWPORTS) {
    const canvases = new Set<string>();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(runPath ?? "/");
      for (const model of DEFAULT_MODELS) {
        await expectImages(resultCard(page, model), imagesFrom(model, 2));
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${viewport.name} ${colorScheme} scrolls sideways`,
      ).toBeLessThanOrEqual(viewport.width);
      canvases.add(await canvasColour(page));
      await page.screenshot({ path: testInfo.outputPath(`run-${viewport.name}-${colorScheme}.png`) });
    }
    expect(canvases.size, `${viewport.name}: dark and light share a canvas colour`).toBe(2);
  }
});
