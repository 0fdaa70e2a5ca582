import { expect, test } from "@playwright/test";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";
import { createRun } from "../support/runs";

/** What a tab asks the app for (documents, scripts and images are not asking for news). */
const ASKING_TYPES = new Set(["fetch", "xhr", "eventsource", "websocket"]);

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("a tab watching a run has it from the page itself, then only waits for news, and asks for nothing it does not show", async ({
  page,
}) => {
  // pixazo goes queued → running → completed one step apart.
  await e2eSimulator.settings({ stepMs: 2_000 });
  const runId = await createRun(E2E_BASE_URL, {
    prompt: "a slow lighthouse",
    models: [{ modelId: "pixazo/z-image-turbo", params: { num_images: 1, image_size: "square_1_1" } }],
  });
  const asked: { url: URL; ifNoneMatch?: string }[] = [];
  page.on("request", (request) => {
    if (!ASKING_TYPES.has(request.resourceType())) return;
    asked.push({ url: new URL(request.url()), ifNoneMatch: request.headers()["if-none-match"] });
  });
  const askedFor = (path: string) => asked.filter(({ url }) => url.pathname === path);

  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1, name: "a slow lighthouse" })).toBeVisible();
  await expect(page.locator('img[src*="/api/files/"]').first()).toBeVisible({ timeout: 30_000 });

  // The run came with the page: every request for it names the copy the tab has and waits for news.
  const runRequests = askedFor(`/api/runs/${runId}`);
  expect(runRequests.length).toBeGreaterThan(0);
  for (const { url, ifNoneMatch } of runRequests) {
    expect(ifNoneMatch).toBeTruthy();
    expect(url.searchParams.get("wait")).toBe("25");
  }
  // Today's spend: once with the page, once more when the job settled (its cost is final then).
  await expect.poll(() => askedFor("/api/spend").length).toBe(2);
  // Neither the model catalog nor pages nobody reached for.
  expect(askedFor("/api/models")).toEqual([]);
  expect(asked.filter(({ url }) => url.searchParams.has("_rsc"))).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).hover();
  await expect
    .poll(() => asked.some(({ url }) => url.pathname === "/history" && url.searchParams.has("_rsc")))
    .toBe(true);
});
