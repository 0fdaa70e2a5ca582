import { expect, test } from "../support/contract-test";
import { E2E_BASE_URL } from "../support/env";
import {
  DEFAULT_MODELS,
  expectImages,
  generate,
  modelCheckbox,
  openPlayground,
  promptField,
  resultCard,
} from "../support/playground";
import { allModels, createRun, waitUntilTerminal } from "../support/runs";

const generateButton = (page: import("@playwright/test").Page) =>
  page.getByRole("button", { name: "Generate" });

test("Generate keeps the focus, and the first run preselects one model per family with descriptions", async ({
  page,
}) => {
  await openPlayground(page);
  for (const model of DEFAULT_MODELS) await expect(modelCheckbox(page, model)).toBeChecked();
  await expect(modelCheckbox(page, "FLUX.1 (shortapi)")).toHaveAccessibleDescription(/Black Forest Labs/);

  await page
    .getByRole("list", { name: "Or start from an example" })
    .getByRole("button", { name: /^Portrait/ })
    .click();
  await expect(promptField(page)).toHaveValue(/elderly fisherman/);
  await expect(promptField(page)).toBeFocused();

  await generateButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Results" })).toBeVisible();
  await expect(generateButton(page)).toBeFocused();
  await expect(page.locator("link[rel=icon]")).toHaveAttribute("href", /icon\.svg/);
  await expect(page.getByLabel(/^Today's simulated spend/)).toContainText("Simulated");
});

test("a focused model checkbox is never hidden behind the sticky Generate bar", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 640 });
  await openPlayground(page);
  const bar = page.locator("[data-sticky-generate]");
  // An unavailable model's checkbox is disabled, so it never takes focus.
  const checkboxes = await page.getByRole("checkbox", { disabled: false }).all();
  for (const checkbox of checkboxes) {
    await checkbox.focus();
    const [box, barBox] = await Promise.all([checkbox.boundingBox(), bar.boundingBox()]);
    expect(box!.y + box!.height, (await checkbox.getAttribute("aria-label")) ?? "").toBeLessThanOrEqual(
      barBox!.y,
    );
  }
});

test("below 1024 px, Generate brings the results into view", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openPlayground(page);
  await generate(page, "A paper crane on a desk");
  const heading = page.getByRole("heading", { level: 2, name: "A paper crane on a desk" });
  await expect(heading).toBeVisible();
  await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(200);
  await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
});

test("validation goes to the first invalid model, lists what needs fixing and stops estimating", async ({
  page,
}) => {
  await openPlayground(page);
  await modelCheckbox(page, "Z-Image Base (pixazo)").check();
  await promptField(page).fill("A paper crane on a desk");
  for (const [model, steps] of [
    ["Z-Image Turbo (pixazo)", "99"],
    ["Z-Image Base (pixazo)", "999"],
  ] as const) {
    const group = page.getByRole("group", { name: model });
    await group.getByRole("button", { name: /^Parameters/ }).click();
    await group.getByLabel("Steps").fill(steps);
  }
  await expect(page.getByText(/· price unknown$/)).toBeVisible();
  await generateButton(page).click();
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo)" }).getByLabel("Steps")).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "2 configurations need fixes" })).toHaveText(
    "2 configurations need fixes: Z-Image Turbo, Z-Image Base",
  );

  await page.getByRole("group", { name: "Z-Image Turbo (pixazo)" }).getByLabel("Steps").fill("8");
  await expect(page.getByRole("alert").filter({ hasText: "need" })).toHaveText(
    "1 configuration needs fixes: Z-Image Base",
  );
});

test("the prompt-length error names the model that sets the limit and clears when it is unticked", async ({
  page,
}) => {
  await openPlayground(page);
  await modelCheckbox(page, "Z-Image Turbo (DashScope)").check();
  await promptField(page).fill("x".repeat(924));
  await generateButton(page).click();
  await expect(promptField(page)).toHaveAccessibleDescription(
    /Z-Image Turbo \(DashScope\) accepts at most 800 characters \(124 over\)/,
  );
  await modelCheckbox(page, "Z-Image Turbo (DashScope)").uncheck();
  await expect(promptField(page)).not.toHaveAttribute("aria-invalid", "true");
});

test("a run deleted elsewhere returns the playground quietly to its empty state", async ({
  page,
  request,
}) => {
  await openPlayground(page);
  await generate(page, "A paper crane on a desk");
  await expect(page.getByRole("status").filter({ hasText: "3 of 3 configurations done" })).toBeVisible();
  const runPath = await page.getByRole("link", { name: "Open run page" }).getAttribute("href");
  expect((await request.delete(`/api${runPath}`)).ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Compare models side by side" })).toBeVisible();
  await expect(page.getByText("This run does not exist")).toHaveCount(0);
});

test("Re-run failures show beside the button, like Generate's", async ({ page }) => {
  await openPlayground(page);
  await generate(page, "A paper crane on a desk");
  await page.route("**/api/runs", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 429,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "rate_limited", message: "Too many runs: wait a minute." } }),
        })
      : route.continue(),
  );
  await page.getByRole("button", { name: "Re-run same settings" }).first().click();
  await page
    .getByRole("dialog", { name: "Re-run the whole run?" })
    .getByRole("button", { name: /^Re-run \d+ jobs?$/ })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many runs: wait a minute." })).toBeVisible();
});

test("a job with some images stored keeps placeholders for the rest", async ({ page }) => {
  await page.route(/\/api\/runs\/[^/]+$/, async (route) => {
    try {
      const response = await route.fetch();
      const run = await response.json();
      const job = run.jobs[0];
      if (job.images.length > 0) {
        // One of two images stored, the job still running.
        Object.assign(job, { status: "running", images: job.images.slice(0, 1), expectedImages: 2 });
      }
      // Without the ETag, so the browser never revalidates this made-up body into a 304.
      const headers = response.headers();
      delete headers.etag;
      await route.fulfill({ response, json: run, headers });
    } catch (error) {
      // The page gave up on a long-poll it no longer needs; there is nobody left to answer.
      if (!/disposed|closed|aborted/i.test(String(error))) throw error;
    }
  });
  await openPlayground(page);
  await generate(page, "A paper crane on a desk");
  const card = resultCard(page, DEFAULT_MODELS[0]!);
  await expect(card.getByRole("button", { name: /^Open image/ })).toHaveCount(1, { timeout: 45_000 });
  await expect(card.locator("li[aria-hidden=true] .skeleton")).toHaveCount(1);
});

test("mapping notes use labels, and the lightbox's actions fit at 1440", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("radio", { name: "21:9" }).check();
  await expect(page.getByRole("group", { name: "Z-Image Turbo (pixazo)" })).toContainText(
    "Uses Landscape 16:9 (nearest to 21:9)",
  );
  await generate(page, "A paper crane on a desk");
  const images = await expectImages(resultCard(page, DEFAULT_MODELS[0]!));
  await images.first().click();
  const dialog = page.getByRole("dialog");
  for (const button of await dialog.getByRole("button").all()) {
    const fits = await button.evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(fits, (await button.textContent()) ?? "").toBe(true);
  }
});

test("on a phone the lightbox swipes and keeps its actions in one visible row", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  await generate(page, "A paper crane on a desk");
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
  await resultCard(page, DEFAULT_MODELS[0]!)
    .getByRole("button", { name: /^Open image/ })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("1 / 3 in run")).toBeVisible();

  const stage = dialog.locator("img").first();
  const swipe = async (from: number, to: number) => {
    await stage.dispatchEvent("pointerdown", { clientX: from, clientY: 300, pointerType: "touch" });
    await stage.dispatchEvent("pointerup", { clientX: to, clientY: 300, pointerType: "touch" });
  };
  await swipe(300, 100);
  await expect(dialog.getByText("2 / 3 in run")).toBeVisible();
  await swipe(100, 300);
  await expect(dialog.getByText("1 / 3 in run")).toBeVisible();

  const actions = [
    dialog.getByRole("link", { name: "Download" }),
    dialog.getByRole("button", { name: "Copy prompt" }),
    dialog.getByRole("button", { name: "Re-run this cell (another take)" }),
  ];
  const tops = new Set<number>();
  for (const action of actions) {
    await expect(action).toBeInViewport({ ratio: 1 });
    tops.add(Math.round((await action.boundingBox())!.y));
  }
  expect(tops.size, "the actions share one row").toBe(1);
});

test("a run that finishes in a hidden tab updates the title and notifies", async ({ page }) => {
  await page.addInitScript(() => {
    const state = window as unknown as { hiddenTab: boolean; notices: string[] };
    state.hiddenTab = false;
    state.notices = [];
    Object.defineProperty(document, "hidden", { configurable: true, get: () => state.hiddenTab });
    class FakeNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      constructor(title: string) {
        state.notices.push(title);
      }
    }
    Object.defineProperty(window, "Notification", { configurable: true, value: FakeNotification });
  });
  await openPlayground(page);
  await promptField(page).fill("A paper crane on a desk");
  await page.evaluate(() => ((window as unknown as { hiddenTab: boolean }).hiddenTab = true));
  await generateButton(page).click();
  await expect(page).toHaveTitle("✓ 3/3 · Prism", { timeout: 45_000 });
  expect(await page.evaluate(() => (window as unknown as { notices: string[] }).notices)).toEqual([
    "Run finished: 3 of 3 jobs done",
  ]);
  await page.evaluate(() => {
    (window as unknown as { hiddenTab: boolean }).hiddenTab = false;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(page).not.toHaveTitle(/✓/);
});

test("history search matches words in any order, keeps them in the URL and Back restores them", async ({
  page,
}) => {
  const models = (await allModels(E2E_BASE_URL)).filter((model) =>
    ["pixazo/z-image-turbo", "dashscope/z-image-turbo"].includes(model.modelId),
  );
  const runId = await createRun(E2E_BASE_URL, {
    prompt: `fox head logo, folded paper ${Date.now()}`,
    models,
  });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  await page.goto("/history");
  await page.getByRole("searchbox", { name: "Search prompts" }).fill("paper fox logo");
  await expect(page).toHaveURL(/\/history\?q=paper\+fox\+logo/);
  const card = page.getByRole("link", { name: /fox head logo, folded paper/ }).first();
  await expect(card).toContainText("Z-Image Turbo (pixazo) · Z-Image Turbo (DashScope)");
  await card.click();
  await expect(page).toHaveURL(/\/runs\//);
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search prompts" })).toHaveValue("paper fox logo");
  await expect(page.getByRole("link", { name: /fox head logo, folded paper/ }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search prompts" })).toHaveValue("paper fox logo");
});

// For people to look at: the playground as a designer first meets it, and after a run.
test("playground screenshots at 1440 light and 390 dark", async ({ page }, testInfo) => {
  await openPlayground(page);
  await page.screenshot({ path: testInfo.outputPath("playground-1440-light-empty.png") });
  await generate(page, "Isometric cutaway of a tiny bookshop in a hollow tree, warm lamplight");
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
  await page.screenshot({ path: testInfo.outputPath("playground-1440-light-results.png") });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(promptField(page)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("playground-390-dark.png"), fullPage: true });
  await resultCard(page, DEFAULT_MODELS[0]!)
    .getByRole("button", { name: /^Open image/ })
    .click();
  await page.screenshot({ path: testInfo.outputPath("lightbox-390-dark.png") });
});
