import type { Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";
import { createRun, jobsOf, waitUntilTerminal } from "../support/runs";

const FLUX = { num_images: 1, aspect_ratio: "1:1" };
const MODELS = [
  { modelId: "shortapi/flux-1.0", params: { ...FLUX, performance: "dev" } },
  { modelId: "shortapi/flux-1.0", params: { ...FLUX, performance: "schnell" } },
];

const card = (page: Page, label: string) =>
  page
    .getByRole("list", { name: "Results" })
    .getByRole("article", { name: `Result from ${label} (shortapi)` });

/** A one-prompt run of FLUX.1 dev and schnell, finished, and its page open. */
async function finishedRun(page: Page, prompt: string): Promise<string> {
  const runId = await createRun(E2E_BASE_URL, { prompt, models: MODELS });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  await page.goto(`/runs/${runId}`);
  return runId;
}

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("a canceled extra take leaves the good take in the cell and the lightbox; Use this take picks the take that counts; Compare with take 1", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const runId = await finishedRun(page, "a paper lantern on a pond");
  const schnell = card(page, "FLUX.1 · schnell");
  await expect(schnell).toHaveAttribute("data-status", "succeeded");

  // An extra take, slow enough to cancel while it runs.
  await e2eSimulator.settings({ stepMs: 4_000 });
  await schnell.getByRole("button", { name: "Another take" }).click();
  await expect(schnell).toHaveAttribute("data-take", "2");
  await schnell.getByRole("button", { name: "Cancel" }).click();
  // The cell shows its good first take again, and says what became of the second.
  await expect(schnell).toHaveAttribute("data-take", "1");
  await expect(schnell).toHaveAttribute("data-status", "succeeded");
  await expect(schnell).toContainText("take 2 canceled");
  await expect(schnell).toContainText("Using this take");
  await expect(page.getByRole("status").filter({ hasText: "Finished" })).toContainText("2 of 2");

  // The lightbox steps through both columns' images, the first take included, named by column.
  await schnell.getByRole("button", { name: /^Open image 1/ }).click();
  const lightbox = page.getByRole("dialog", { name: "Image 1 from FLUX.1 · schnell" });
  await expect(lightbox.getByRole("heading", { name: "FLUX.1 · schnell" })).toBeVisible();
  await expect(lightbox).toContainText("2 / 2 in run");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "Image 1 from FLUX.1 · dev" })).toBeVisible();
  await page.keyboard.press("Escape");

  // A third take succeeds and counts, being the newest good one, until the owner picks take 1.
  await e2eSimulator.reset();
  await schnell.getByRole("button", { name: "Another take" }).click();
  await expect(schnell).toHaveAttribute("data-take", "3");
  await expect(schnell).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(schnell).toContainText("Using this take");
  await schnell.getByRole("button", { name: "Previous take" }).click();
  await expect(schnell).toHaveAttribute("data-take", "2");
  await expect(schnell).toContainText("Canceled");
  await schnell.getByRole("button", { name: "Previous take" }).click();
  await expect(schnell).toHaveAttribute("data-take", "1");
  await schnell.getByRole("button", { name: "Use this take" }).click();
  await expect(schnell).toContainText("Using this take");

  // Stored: a fresh visit shows take 1, and the API says which take was chosen.
  await page.reload();
  await expect(schnell).toHaveAttribute("data-take", "1");
  await expect(schnell).toContainText("Using this take");
  const jobs = (await jobsOf(E2E_BASE_URL, runId)).filter((job) => job.configIndex === 1);
  expect(jobs.map((job) => [job.take, Boolean(job.chosenAt)])).toEqual([
    [1, true],
    [2, false],
    [3, false],
  ]);

  // Compare with take 1, from take 3: the two takes side by side, each named by column and take.
  await schnell.getByRole("button", { name: "Next take" }).click();
  await schnell.getByRole("button", { name: "Next take" }).click();
  await expect(schnell).toHaveAttribute("data-take", "3");
  await schnell.getByRole("link", { name: "Compare with take 1" }).click();
  await page.waitForURL(/\/compare\?images=/);
  const titles = page.locator("[data-compare-panel]").getByText(/^FLUX\.1 · schnell · shortapi/);
  await expect(titles).toHaveText(["FLUX.1 · schnell · shortapi", "FLUX.1 · schnell · shortapi · take 3"]);
});

test("Re-run in the lightbox is another take of that cell; re-running the whole run asks first, with the job count and estimate", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const runId = await finishedRun(page, "a glass teapot on a windowsill");
  // One prompt: its row is the whole run, compared at once from the header.
  await page.screenshot({ path: "test-results/compare-all.png" });
  await page.getByRole("link", { name: "Compare all" }).click();
  await page.waitForURL(/\/compare\?images=/);
  await expect(page.locator("[data-compare-panel]")).toHaveCount(2);
  await page.goBack();
  const dev = card(page, "FLUX.1 · dev");
  await dev.getByRole("button", { name: /^Open image 1/ }).click();
  const lightbox = page.getByRole("dialog", { name: "Image 1 from FLUX.1 · dev" });
  await lightbox.getByRole("button", { name: "Re-run this cell (another take)" }).click();
  await expect(lightbox.getByRole("status")).toContainText("Take 2 of this cell is on its way");
  expect(page.url()).toContain(`/runs/${runId}`);
  const jobs = await jobsOf(E2E_BASE_URL, runId);
  expect(jobs.map((job) => [job.configIndex, job.take])).toEqual([
    [0, 1],
    [0, 2],
    [1, 1],
  ]);
  await page.keyboard.press("Escape");
  await expect(dev).toHaveAttribute("data-take", "2");

  // The run header's Re-run starts a new run of every cell: it asks first.
  await page.getByRole("button", { name: "Re-run same settings" }).click();
  const ask = page.getByRole("dialog", { name: "Re-run the whole run?" });
  await expect(ask).toContainText(/2 configurations · 2 jobs · est\. \$\d/);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeHidden();
  expect(page.url()).toContain(`/runs/${runId}`);
  await page.getByRole("button", { name: "Re-run same settings" }).click();
  await ask.getByRole("button", { name: "Re-run 2 jobs" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/runs/") && !url.pathname.endsWith(runId));
});
