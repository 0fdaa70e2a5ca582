import { expect, type Page, test } from "@playwright/test";
import type { RunView } from "../../lib/api/views";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";
import { modelCheckbox, openPlayground, promptField } from "../support/playground";
import { waitUntilTerminal } from "../support/runs";

const FOX = "a {red|blue} fox in {watercolor|pixel art}";
const FOXES = [
  "a red fox in watercolor",
  "a red fox in pixel art",
  "a blue fox in watercolor",
  "a blue fox in pixel art",
];

const generateButton = (page: Page) => page.getByRole("button", { name: "Generate" });
const promptRows = (page: Page) => page.getByRole("list", { name: "Prompt rows" }).getByRole("listitem");

test.afterEach(async () => {
  await e2eSimulator.reset();
});

/** FLUX.1 dev and schnell, and Z-Image Turbo swept over 8 and 16 steps. */
async function buildMatrix(page: Page) {
  await modelCheckbox(page, "GPT Image 2 (shortapi)").uncheck();
  await page.getByRole("button", { name: "Add variant of FLUX.1 (shortapi)" }).click();
  const schnell = page.getByRole("group", { name: "FLUX.1 (shortapi) variant 2" });
  await schnell.getByRole("button", { name: /^Parameters/ }).click();
  await schnell.getByLabel("Performance").selectOption("schnell");
  await expect(schnell).toContainText("Variant 2 · schnell");

  await page.getByRole("button", { name: "Sweep a parameter of Z-Image Turbo (pixazo)" }).click();
  const sweep = page.getByRole("dialog", { name: /^Sweep/ });
  await expect(sweep.getByLabel("Parameter")).toHaveValue("num_inference_steps");
  await sweep.getByLabel("Values").fill("8, 99");
  await expect(sweep.getByRole("alert")).toContainText("99: Must be at most 50");
  await expect(sweep.getByRole("button", { name: "Make 2 variants" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await sweep.getByLabel("Values").fill("8, 16");
  await sweep.getByRole("button", { name: "Make 2 variants" }).click();
  await expect(sweep).toBeHidden();
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 1" })).toContainText(
    "8 steps",
  );
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 2" })).toContainText(
    "16 steps",
  );
}

test("Variants: {a|b} alternatives × variants and a sweep make one matrix run; Edit & re-run loads it back", async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByRole("radio", { name: "Variants" }).check();
  await promptField(page).fill(FOX);
  await expect(promptRows(page)).toHaveText(FOXES);
  await expect(page.getByText(/^4 prompts × 3 configurations · 12 jobs/)).toBeVisible();

  await buildMatrix(page);
  await expect(page.getByText(/^4 prompts × 4 configurations · 16 jobs · /)).toBeVisible();

  await page.getByRole("radio", { name: "Locked" }).check();
  await page.getByLabel("Locked seed").fill("1234");
  await expect(page.getByRole("group", { name: "FLUX.1 (shortapi) variant 1" })).toContainText(
    "No seed: this model picks its own every time",
  );
  await page.screenshot({ path: "test-results/variants-form.png", fullPage: true });

  await generateButton(page).click();
  const runLink = page.getByRole("link", { name: "Open run page" });
  await expect(runLink).toBeVisible();
  const runId = (await runLink.getAttribute("href"))!.split("/").pop()!;
  await waitUntilTerminal(E2E_BASE_URL, runId);
  const run = (await (await fetch(`${E2E_BASE_URL}/api/runs/${runId}`)).json()) as RunView;
  expect(run.prompts).toEqual(FOXES);
  expect(run.seed).toBe(1234);
  expect(run.configs.map((config) => config.label)).toEqual([
    "FLUX.1 · dev",
    "FLUX.1 · schnell",
    "Z-Image Turbo · 8 steps",
    "Z-Image Turbo · 16 steps",
  ]);
  expect(run.jobs).toHaveLength(16);
  expect(new Set(run.jobs.map((job) => `${job.promptIndex}×${job.configIndex}`)).size).toBe(16);
  await expect(page.getByRole("heading", { name: "4 prompts × 4 configurations" })).toBeVisible();
  await page.screenshot({ path: "test-results/variants-run.png", fullPage: true });

  // A new form, then Edit & re-run brings the run back.
  await page.getByRole("radio", { name: "Single" }).check();
  await promptField(page).fill("something else");
  await page.getByRole("button", { name: "Remove Z-Image Turbo (pixazo) variant 2" }).click();
  await page.getByRole("radio", { name: "Random" }).check();
  await page.getByRole("button", { name: "Edit & re-run" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Loaded its 4 prompts, 4 configurations" }),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: "Variants" })).toBeChecked();
  await expect(promptRows(page)).toHaveText(FOXES);
  await expect(page.getByLabel("Locked seed")).toHaveValue("1234");
  await expect(page.getByText(/^4 prompts × 4 configurations · 16 jobs/)).toBeVisible();
  await expect(page.getByRole("group", { name: "FLUX.1 (shortapi) variant 2" })).toContainText("schnell");
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 2" })).toContainText(
    "16 steps",
  );

  // The form survives a reload (the draft), and a second run puts the first one in the feed below.
  await page.reload();
  await expect(promptRows(page)).toHaveText(FOXES);
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 2" })).toContainText(
    "16 steps",
  );
  await page.getByRole("radio", { name: "Single" }).check();
  await promptField(page).fill("a fox at dawn");
  await generateButton(page).click();
  await expect(page.getByRole("heading", { name: "a fox at dawn" })).toBeVisible();
  const earlier = page.getByRole("region", { name: "Earlier runs" });
  const older = earlier.getByRole("button", { name: new RegExp(`^${FOXES[0]}`) });
  await expect(older).toHaveAttribute("aria-expanded", "false");
  await older.click();
  await expect(earlier.getByRole("heading", { name: "4 prompts × 4 configurations" })).toBeVisible();
  await page.screenshot({ path: "test-results/variants-feed.png", fullPage: true });
});

test("Edit & re-run from the run page and from History opens the playground on that run", async ({
  page,
}) => {
  const response = await fetch(`${E2E_BASE_URL}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      prompts: ["a heron {at dawn}", "a crane"],
      models: [
        {
          modelId: "pixazo/z-image-turbo",
          params: { image_size: "landscape_16_9", num_images: 2, num_inference_steps: 12 },
        },
        {
          modelId: "pixazo/z-image-turbo",
          params: { image_size: "landscape_16_9", num_images: 2, num_inference_steps: 20 },
        },
      ],
      seed: 77,
    }),
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };

  await page.goto(`/runs/${id}`);
  const edit = page.getByRole("link", { name: "Edit & re-run" });
  await expect(edit).toBeVisible();
  await page.screenshot({ path: "test-results/variants-run-page.png" });
  await edit.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Loaded its 2 prompts, 2 configurations" }),
  ).toBeVisible();
  await expect(promptRows(page)).toHaveText(["a heron {at dawn}", "a crane"]);
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 1" })).toContainText(
    "12 steps",
  );
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo) variant 2" })).toContainText(
    "20 steps",
  );
  await expect(page.getByLabel("Locked seed")).toHaveValue("77");
  // The run's size and image count come back as the shared settings, not as overrides on each column.
  await expect(page.getByRole("radio", { name: "16:9" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "2 images" })).toBeChecked();
  await expect(
    page
      .getByRole("group", { name: "Z-Image Turbo (pixazo) variant 1" })
      .getByRole("button", { name: /^Parameters for/ }),
  ).toHaveAccessibleName("Parameters for Z-Image Turbo (pixazo) variant 1, 1 edited");
  await expect(modelCheckbox(page, "FLUX.1 (shortapi)")).not.toBeChecked();

  await page.goto("/history");
  const card = page.getByRole("listitem").filter({ hasText: "a heron {at dawn}" });
  await expect(card).toContainText("2 prompts × 2 configurations");
  await card.hover();
  await page.screenshot({ path: "test-results/variants-history.png" });
  await card.getByRole("link", { name: "Edit & re-run: a heron {at dawn}" }).click();
  await expect(promptRows(page)).toHaveText(["a heron {at dawn}", "a crane"]);
});

test("Generate says why it cannot send more than 12 prompts or 48 jobs", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("radio", { name: "Variants" }).check();
  await promptField(page).fill("{a|b|c|d|e|f|g|h|i|j|k|l|m} fox");
  await expect(generateButton(page)).toHaveAttribute("aria-disabled", "true");
  await expect(generateButton(page)).toHaveAccessibleDescription(/13 prompts; a run takes at most 12/);

  await promptField(page).fill("{a|b|c|d|e|f|g|h|i|j|k|l} fox");
  await expect(promptRows(page)).toHaveCount(12);
  for (let variant = 0; variant < 2; variant++)
    await page.getByRole("button", { name: /^Add variant of FLUX.1/ }).click();
  await expect(generateButton(page)).toHaveAccessibleDescription(
    /12 prompts × 5 configurations is 60 jobs; a run takes at most 48/,
  );
  await promptField(page).fill("a {fox|hound");
  await expect(promptField(page)).toHaveAccessibleDescription('Line 1: a "{" is never closed with "}".');
  await expect(generateButton(page)).toHaveAttribute("aria-disabled", "true");

  // Empty, Generate says so under the field (the preview shows only the hint then).
  await promptField(page).fill("");
  await generateButton(page).click();
  await expect(promptField(page)).toHaveAccessibleDescription(/^Write at least one prompt\./);
});

test("on a phone, variants, their actions and the run size fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openPlayground(page);
  await page.getByRole("radio", { name: "Variants" }).check();
  await promptField(page).fill(FOX);
  await page.getByRole("button", { name: "Add variant of FLUX.1 (shortapi)" }).click();
  const variant = page.getByRole("group", { name: "FLUX.1 (shortapi) variant 2" });
  await variant.scrollIntoViewIfNeeded();
  for (const action of [
    variant.getByRole("button", { name: /^Sweep/ }),
    variant.getByRole("button", { name: /^Remove/ }),
  ])
    await expect(action).toBeInViewport({ ratio: 1 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "nothing scrolls sideways").toBeLessThanOrEqual(360);
  await expect(page.getByText(/^4 prompts × 4 configurations · 16 jobs/)).toBeVisible();
  await page.screenshot({ path: "test-results/variants-phone.png" });
});
