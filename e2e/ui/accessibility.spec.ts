import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { E2E_BASE_URL } from "../support/env";
import {
  DEFAULT_MODELS,
  expectImages,
  generate,
  openPlayground,
  promptField,
  resultCard,
} from "../support/playground";
import { allModels, createRun, waitUntilTerminal } from "../support/runs";

test.describe.configure({ mode: "serial" });

let runId = "";
let slug = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const models = await allModels(E2E_BASE_URL);
  runId = await createRun(E2E_BASE_URL, {
    prompt: "A fox head logo, folded paper",
    models: models.slice(0, 3),
  });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  const response = await fetch(`${E2E_BASE_URL}/api/galleries`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runIds: [runId], title: "Paper foxes", note: "Which fold reads best?" }),
  });
  slug = ((await response.json()) as { slug: string }).slug;
});

test("the playground has no serious accessibility findings: empty, with errors, with results", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await expectAccessible(page, "empty playground");

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(promptField(page)).toHaveAttribute("aria-invalid", "true");
  const pixazo = page.getByRole("group", { name: "Z-Image Turbo (pixazo)" });
  await pixazo.getByRole("button", { name: /^Parameters/ }).click();
  await pixazo.getByLabel("Steps").fill("99");
  await expectAccessible(page, "playground with validation errors");

  await pixazo.getByLabel("Steps").fill("8");
  await generate(page, "A paper crane on a desk, soft light");
  for (const model of DEFAULT_MODELS) await expectImages(resultCard(page, model));
  await expectAccessible(page, "playground with results");
});

test("every other page has no serious accessibility findings in light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  const pages = [
    { label: "run page", path: `/runs/${runId}`, ready: page.getByRole("heading", { level: 1 }) },
    { label: "history", path: "/history", ready: page.getByRole("heading", { level: 1 }) },
    { label: "picks", path: "/picks", ready: page.getByRole("heading", { name: "Picks", level: 1 }) },
    { label: "models", path: "/models", ready: page.getByRole("table") },
    { label: "shared links", path: "/shared", ready: page.getByText("Paper foxes") },
    { label: "share page", path: `/g/${slug}`, ready: page.getByRole("heading", { name: "Paper foxes" }) },
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
