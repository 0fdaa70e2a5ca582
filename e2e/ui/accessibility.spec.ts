import { expect, test, type BrowserContextOptions, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectAccessible } from "../support/axe";
import { E2E_BASE_URL } from "../support/env";
import {
  DEFAULT_MODELS,
  expectImages,
  generate,
  HTML_AS_PNG,
  promptField,
  resultCard,
} from "../support/playground";
import { pick, reviewImageIds } from "../support/review";
import { appClient } from "../../lib/testing/app-client";

/**
 * Every page and dialog at a desktop size and a phone size (touch), each in the light and the dark
 * theme, with axe's WCAG 2.2 A/AA and best-practice rules (target-size and label-content-name-mismatch
 * included): no serious or critical finding. One browser context per size, one seeded run and galleries.
 */

const SIZES: { name: string; options: BrowserContextOptions }[] = [
  { name: "desktop", options: { viewport: { width: 1440, height: 900 } } },
  { name: "phone", options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
];

interface Seed {
  runId: string;
  /** A plain share link of the run. */
  slug: string;
  /** A blind review of the run, not revealed. */
  blind: string;
  /** A blind review of the run with a ballot, revealed. */
  revealed: string;
  /** Two images of the run, for the compare pages. */
  imageIds: [string, string];
}

let seed: Seed;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const client = appClient(E2E_BASE_URL);
  const models = (await client.modelEntries()).slice(0, 3);
  const { id } = await client.createRun({ prompt: "A fox head logo, folded paper", models });
  const run = await client.waitForRun(id);
  const images = run.jobs.flatMap((job) => job.images.map((image) => image.id));
  const { slug } = await client.createGallery({
    runIds: [id],
    title: "Paper foxes",
    note: "Which fold reads best?",
  });
  const blind = await client.createGallery({ runIds: [id], title: "Fox logos", review: { blind: true } });
  const revealed = await client.createGallery({
    runIds: [id],
    title: "Fox logos, revealed",
    review: { blind: true },
  });
  // One ballot, cast as a reviewer does (the cookie a visit gives), then the reveal.
  const visit = await fetch(`${E2E_BASE_URL}/g/${revealed.slug}`);
  const cookie = (visit.headers.get("set-cookie") ?? "").split(";")[0]!;
  const shown = await reviewImageIds(revealed.slug);
  const vote = await fetch(`${E2E_BASE_URL}/api/galleries/${revealed.slug}/votes`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ picks: [{ imageId: shown.get(images[0]!) }] }),
  });
  expect(vote.ok, `a reviewer's vote: ${vote.status} ${await vote.text()}`).toBe(true);
  await client.call("post", `/api/galleries/${revealed.slug}/reveal`, {});
  seed = { runId: id, slug, blind: blind.slug, revealed: revealed.slug, imageIds: [images[0]!, images[1]!] };
});

/** Tab presses until the focus is on an image of the results (at most 40). */
async function tabsToFirstImage(page: Page): Promise<number> {
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    if (name.startsWith("Open image")) return presses;
  }
  return Infinity;
}
/** The run's own controls above its images (copy, re-run, share, density…), none of the form's. */
const MAX_TABS = 15;

/** A small PNG, for the upload of an input image. */
const png = () =>
  sharp({ create: { width: 128, height: 96, channels: 3, background: { r: 40, g: 160, b: 90 } } })
    .png()
    .toBuffer();

for (const size of SIZES) {
  test.describe(size.name, () => {
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext({ ...size.options, baseURL: E2E_BASE_URL });
      page = await context.newPage();
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test("the playground: empty, with errors, its dialogs, with results", async () => {
      test.setTimeout(360_000);
      await page.goto("/");
      await expect(promptField(page)).toBeVisible();
      await expect(
        page.getByRole("list", { name: "Or start from an example" }).getByRole("button").first(),
      ).toBeVisible();
      await expectAccessible(page, "empty playground");
      // Ctrl/⌘ + Enter is said where there is a keyboard's pointer, not on a touch screen.
      const shortcut = page
        .getByRole("form", { name: "Generate images" })
        .locator("kbd", { hasText: "Ctrl" });
      if (size.options.hasTouch) await expect(shortcut).toBeHidden();
      else await expect(shortcut).toBeVisible();

      await page.getByRole("button", { name: "Generate" }).click();
      await expect(promptField(page)).toHaveAttribute("aria-invalid", "true");
      const pixazo = page.getByRole("group", { name: "Z-Image Turbo (pixazo)" });
      await pixazo.getByRole("button", { name: /^Parameters/ }).click();
      await pixazo.getByLabel("Steps").fill("99");
      await expectAccessible(page, "playground with validation errors");
      await pixazo.getByLabel("Steps").fill("8");

      await page.getByRole("button", { name: "Sweep a parameter of Z-Image Turbo (pixazo)" }).click();
      const sweep = page.getByRole("dialog", { name: /^Sweep/ });
      await expect(sweep).toBeVisible();
      await expectAccessible(page, "sweep dialog");
      await page.keyboard.press("Escape");
      await expect(sweep).toBeHidden();

      const form = page.getByRole("form", { name: "Generate images" });
      // Where a user adds images: at the button that chooses them (axe measures what is on screen,
      // and the sticky Generate bar covers whatever the page was scrolled to before).
      await form.getByRole("button", { name: "Choose images" }).scrollIntoViewIfNeeded();
      await form.getByLabel("Choose input images").setInputFiles(HTML_AS_PNG);
      await expect(form.getByRole("alert")).toContainText("notes.png");
      await form.getByLabel("Choose input images").setInputFiles({
        name: "field.png",
        mimeType: "image/png",
        buffer: await png(),
      });
      const inputs = form.getByRole("list", { name: "Input images" });
      await expect(inputs.getByRole("listitem")).toHaveCount(1);
      await expectAccessible(page, "playground with an input image");
      await inputs.getByRole("button", { name: /^Remove/ }).click();
      await expect(inputs).toHaveCount(0);
      await page.reload();
      await expect(promptField(page)).toBeVisible();
      for (const model of DEFAULT_MODELS)
        await page.getByRole("checkbox", { name: model, exact: true }).check();

      await generate(page, "A paper crane on a desk, soft light");
      for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
      await expectAccessible(page, "playground with results");

      // From the prompt, the keyboard skips the rest of the form to the results.
      await promptField(page).focus();
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to results" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.locator("#results")).toBeFocused();
      const presses = await tabsToFirstImage(page);
      expect(presses, "Tab presses from the results to the first image").toBeLessThanOrEqual(MAX_TABS);

      const flux = resultCard(page, DEFAULT_MODELS[0]!);
      await flux.getByRole("button", { name: "Copy as code" }).click();
      await expect(page.getByRole("dialog", { name: "Copy as code" })).toBeVisible();
      await expectAccessible(page, "copy-as-code dialog");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Share", exact: true }).click();
      await expect(page.getByRole("dialog", { name: "Share" })).toBeVisible();
      await expectAccessible(page, "share dialog");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog", { name: "Share" })).toBeHidden();

      await flux
        .getByRole("button", { name: /^Open image 1/ })
        .first()
        .click();
      const lightbox = page.getByRole("dialog", { name: /^Image 1 from/ });
      await expect(lightbox).toBeVisible();
      await expectAccessible(page, "lightbox");
      await lightbox.getByRole("button", { name: /^Add note on image 1 from/ }).click();
      await expect(lightbox.getByRole("textbox", { name: "Note" })).toBeVisible();
      await expectAccessible(page, "lightbox with the note editor");
      await page.keyboard.press("Escape");
    });

    test("the run page, its dialogs and the compare view", async () => {
      test.setTimeout(180_000);
      await page.goto(`/runs/${seed.runId}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectImages(page.getByRole("article").first());
      await expectAccessible(page, "run page");

      await page
        .getByRole("button", { name: /^Star image 1 of \d+ from/ })
        .first()
        .click();
      await page
        .getByRole("button", { name: /^Note on image 1 of \d+ from/ })
        .first()
        .click();
      const note = page.getByRole("dialog", { name: /^Note on image 1/ });
      await expect(note.getByRole("textbox", { name: "Note" })).toBeVisible();
      await expectAccessible(page, "note dialog");
      await note.getByRole("textbox", { name: "Note" }).fill("Keep the fold");
      await note.getByRole("button", { name: "Save note" }).click();
      await expect(note).toBeHidden();

      await page.getByRole("button", { name: "Select images" }).click();
      await expect(page.getByRole("region", { name: "Selection" })).toBeVisible();
      await expectAccessible(page, "run page selecting");
      await page
        .getByRole("button", { name: "Select images" })
        .or(page.getByRole("button", { name: "Selecting" }))
        .click();

      await page
        .getByRole("button", { name: /^Open image 1/ })
        .first()
        .click();
      const lightbox = page.getByRole("dialog", { name: /^Image 1 from/ });
      await expect(lightbox).toBeVisible();
      await expectAccessible(page, "run page lightbox");
      await lightbox.getByRole("link", { name: "Compare with next" }).click();
      await expect(page.locator("[data-compare-panel]")).toHaveCount(2);
      await expectAccessible(page, "compare");
      await page.getByRole("button", { name: "Swipe" }).click();
      await expectAccessible(page, "compare, swipe");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectAccessible(page, "compare keyboard shortcuts");
      await page.keyboard.press("Escape");
    });

    test("history, picks, models, share links, the share page, sign-in and 404", async () => {
      test.setTimeout(240_000);
      const pages = [
        { label: "history", path: "/history", ready: page.getByRole("heading", { level: 1 }) },
        { label: "picks", path: "/picks", ready: page.getByRole("heading", { name: "Picks", level: 1 }) },
        { label: "models", path: "/models", ready: page.getByRole("table") },
        { label: "shared links", path: "/shared", ready: page.getByText("Paper foxes") },
        {
          label: "share page",
          path: `/g/${seed.slug}`,
          ready: page.getByRole("heading", { name: "Paper foxes" }),
        },
        {
          label: "share page compare",
          path: `/g/${seed.slug}/compare?images=${seed.imageIds.join(",")}`,
          ready: page.locator("[data-compare-panel]"),
        },
        { label: "sign-in", path: "/sign-in", ready: page.getByLabel("Access token") },
        { label: "sign-in error", path: "/sign-in?error=1", ready: page.getByRole("alert") },
        { label: "404", path: "/no-such-page", ready: page.getByRole("heading", { name: "Nothing here" }) },
      ];
      for (const { label, path, ready } of pages) {
        await page.goto(path);
        await expect(ready.first()).toBeVisible();
        await expectAccessible(page, label);
      }
    });

    test("the dialogs of history, share links and the share page; the API docs", async () => {
      test.setTimeout(180_000);

      await page.goto("/history");
      await page
        .getByRole("button", { name: /^Delete/ })
        .first()
        .click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "history, delete confirmation");
      await page.keyboard.press("Escape");

      await page.goto("/shared");
      await page.getByRole("button", { name: /^Edit/ }).first().click();
      await expect(page.getByRole("dialog", { name: "Edit link" })).toBeVisible();
      await expectAccessible(page, "edit link dialog");
      await page.keyboard.press("Escape");

      await page.goto(`/g/${seed.slug}`);
      await page
        .getByRole("button", { name: /^Open image 1/ })
        .first()
        .click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "share page lightbox");

      // Some 6,000 elements of alike sections, over a minute of axe: the header, the first group
      // of operations and the first schemas stand for the rest.
      await page.goto("/docs/api");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, "API docs", [
        "main > header",
        "main > section:first-of-type",
        "#schemas > section:nth-of-type(-n+4)",
      ]);
    });

    test("a blind review before and after the reveal, and its results", async () => {
      test.setTimeout(180_000);
      await page.goto(`/g/${seed.blind}`);
      await expect(page.getByRole("heading", { name: "Fox logos" })).toBeVisible();
      const shown = await reviewImageIds(seed.blind);
      await pick(page, [...shown.values()][0]!);
      await expectAccessible(page, "blind review with a pick");

      await page.goto(`/shared/${seed.blind}/results`);
      await expect(page.getByRole("button", { name: "Reveal to reviewers" })).toBeVisible();
      await expectAccessible(page, "review results");
      await page.getByRole("button", { name: "Reveal to reviewers" }).click();
      await expect(page.getByRole("dialog", { name: "Reveal the results?" })).toBeVisible();
      await expectAccessible(page, "reveal confirmation");
      await page.keyboard.press("Escape");

      await page.goto(`/g/${seed.revealed}`);
      await expect(page.getByRole("heading", { name: "Fox logos, revealed" })).toBeVisible();
      await expectAccessible(page, "revealed review");
      await page.goto(`/shared/${seed.revealed}/results`);
      await expectAccessible(page, "revealed review results");
    });
  });
}
