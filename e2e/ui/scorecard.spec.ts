import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { CreateGalleryResponse, RunView, ScorecardView } from "../../lib/api/views";
import { modelLabel } from "../../lib/labels/names";
import { E2E_BASE_URL } from "../support/env";
import { reviewImageIds } from "../support/review";
import { allModels, createRun, waitUntilTerminal } from "../support/runs";

const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${E2E_BASE_URL}${path}`, {
    method,
    headers: { "content-type": "application/json", origin: E2E_BASE_URL },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}`).toBe(true);
  return (await response.json()) as T;
};

test("the scorecard: after seeded runs and a blind review, the Models page and the API show figures with intervals", async ({
  page,
}) => {
  const [first, second] = (await allModels(E2E_BASE_URL)).slice(0, 2);
  const tag = `score${Math.random().toString(36).slice(2, 8)}`;
  const runs: RunView[] = [];
  for (const prompt of [`${tag} packaging shot of tea`, `${tag} packaging shot of soap`]) {
    const runId = await createRun(E2E_BASE_URL, { prompt, models: [first!, second!] });
    expect((await waitUntilTerminal(E2E_BASE_URL, runId)).map((job) => job.status)).toEqual([
      "succeeded",
      "succeeded",
    ]);
    runs.push(await send<RunView>("GET", `/api/runs/${runId}`));
  }
  const imageOf = (run: RunView, modelId: string) =>
    run.jobs.find((job) => job.modelId === modelId)!.images[0]!.id;

  // Three reviewers, each with the cookie its visit to the review gives: two prefer the first model,
  // one the second. They pick with the review's own ids.
  const { slug } = await send<CreateGalleryResponse>("POST", "/api/galleries", {
    runIds: runs.map((run) => run.id),
    review: { blind: true },
  });
  const blindIds = await reviewImageIds(slug);
  for (const favourite of [first!.modelId, first!.modelId, second!.modelId]) {
    const visitor = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    expect((await visitor.get(`/g/${slug}`)).status()).toBe(200);
    const vote = await visitor.post(`/api/galleries/${slug}/votes`, {
      data: { picks: runs.map((run) => ({ imageId: blindIds.get(imageOf(run, favourite)) })) },
    });
    expect(vote.ok(), "a reviewer's vote").toBe(true);
    await visitor.dispose();
  }

  const card = await send<ScorecardView>("GET", `/api/scorecard?q=${tag}`);
  expect(card.interval).toBe("wilson-95");
  const winner = card.models.find((model) => model.modelId === first!.modelId)!;
  const loser = card.models.find((model) => model.modelId === second!.modelId)!;
  expect(winner).toMatchObject({ runs: 2, failureRate: 0, winRate: { value: 4 / 6, comparisons: 6 } });
  expect(loser).toMatchObject({ runs: 2, failureRate: 0, winRate: { value: 2 / 6, comparisons: 6 } });
  expect(winner.winRate.low).toBeGreaterThan(0);
  expect(winner.winRate.low).toBeLessThan(4 / 6);
  expect(winner.winRate.high).toBeGreaterThan(4 / 6);
  expect(winner.medianSeconds).not.toBeNull();
  expect(winner.images).toBeGreaterThanOrEqual(2);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Prompts containing" }).fill(tag);
  const table = page.getByRole("table", { name: "Scorecard per model and configuration" });
  const row = table.getByRole("row", { name: new RegExp(`^${modelLabel(first!.modelId).name} ·`) });
  await expect(row).toContainText("67 % (");
  await expect(row).toContainText("6 comparisons");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(page.getByText("95 % Wilson score interval")).toBeVisible();
  await expect(
    page.getByRole("img", { name: new RegExp(`^Time to first image of ${modelLabel(first!.modelId).name}`) }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/scorecard.png", fullPage: true });
});
