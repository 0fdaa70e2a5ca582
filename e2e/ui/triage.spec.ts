import type { Page } from "@playwright/test";
import type { ReviewResultsView } from "../../lib/api/review-views";
import type { RunView } from "../../lib/api/views";
import { appClient } from "../../lib/testing/app-client";
import { expect, test } from "../support/contract-test";
import { expectAccessible } from "../support/axe";
import { E2E_BASE_URL } from "../support/env";
import { reviewer, reviewImageIds } from "../support/review";
import { createRun, waitUntilTerminal } from "../support/runs";

const PROMPTS = ["a tin robot watering a fern", "a glass whale over a city"];
const MODELS = [
  { modelId: "shortapi/flux-1.0", params: { num_images: 1, aspect_ratio: "1:1", performance: "dev" } },
  { modelId: "shortapi/flux-1.0", params: { num_images: 1, aspect_ratio: "1:1", performance: "schnell" } },
  { modelId: "pixazo/z-image-turbo", params: { num_images: 1, image_size: "square_1_1" } },
];

const announced = (page: Page, text: string) =>
  expect(page.getByRole("status").filter({ hasText: text })).toHaveCount(1);

/** P on the focused row of three images, then two choices: the comparison ends after n − 1 of them. */
async function compareThree(page: Page, first: string, second: string) {
  await page.keyboard.press("p");
  const pairwise = page.getByRole("dialog", { name: "Which is better?" });
  await expect(pairwise.getByRole("status")).toHaveText(/Pairwise: 3 of 3 left/);
  await page.keyboard.press(first);
  await expect(pairwise.getByRole("status")).toHaveText(/Pairwise: 2 of 3 left/);
  await page.keyboard.press(second);
  await expect(pairwise).toBeHidden();
  return pairwise;
}

/** The run's images as [row][column] → { id, starred, note }. */
async function imagesOf(runId: string) {
  const run = (await (await fetch(`${E2E_BASE_URL}/api/runs/${runId}`)).json()) as RunView;
  const grid = PROMPTS.map(() => MODELS.map(() => ({ id: "", starred: false, note: null as string | null })));
  for (const job of run.jobs) {
    const image = job.images[0]!;
    grid[job.promptIndex]![job.configIndex] = { id: image.id, starred: image.starred, note: image.note };
  }
  return grid;
}

test("a 2-prompt run triaged by keyboard only: number keys, S, N, J/K and pairwise write stars and a note", async ({
  page,
}) => {
  const runId = await createRun(E2E_BASE_URL, { prompts: PROMPTS, models: MODELS });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  const images = await imagesOf(runId);

  await page.goto(`/runs/${runId}`);
  const hint = page.getByRole("button", { name: "Keyboard shortcuts" });
  await expect(hint).toBeVisible();
  await expectAccessible(page, "run matrix with keyboard triage");
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("J / K");
  // While a dialog is open the triage keys do nothing.
  await page.keyboard.press("2");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  const rowHeaders = page.getByRole("table", { name: "Results matrix" }).getByRole("rowheader");
  await page.keyboard.press("j");
  await expect(rowHeaders.first()).toBeFocused();
  await announced(page, "Row 1 of 2");

  // 2: the second column wins row 1; its image takes the focus.
  await page.keyboard.press("2");
  await expect(page.locator(`[data-image-id="${images[0]![1]!.id}"]`)).toBeFocused();
  await announced(page, "Row 1 of 2: winner FLUX.1 · schnell starred");

  // N: a note on the focused image, written and saved without a mouse.
  await page.keyboard.press("n");
  const note = page.getByRole("dialog", { name: /^Note on image 1/ });
  await expect(note.getByRole("textbox", { name: "Note" })).toBeFocused();
  await page.keyboard.type("sharpest hands; keep");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(note).toBeHidden();
  await expect(page.locator(`[data-image-id="${images[0]![1]!.id}"]`)).toBeFocused();

  // 3 stars the third column too; S on it takes that star away again, even when it comes before the
  // page has repainted the star (both keys in one task).
  await page.evaluate(() => {
    for (const key of ["3", "s"])
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  });
  await announced(page, "Z-Image Turbo unstarred");

  // Row 2 pairwise: keep the right image (schnell) over dev, then the newcomer on the left (Z-Image).
  await page.keyboard.press("j");
  await expect(rowHeaders.nth(1)).toBeFocused();
  const pairwise = await compareThree(page, "ArrowRight", "1");
  await announced(page, "Row 2 of 2: winner Z-Image Turbo starred");

  // Escape leaves a comparison with nothing written.
  await page.keyboard.press("j");
  await page.keyboard.press("p");
  await expect(pairwise).toBeVisible();
  await expectAccessible(page, "pairwise dialog");
  await page.keyboard.press("2");
  await page.keyboard.press("Escape");
  await expect(pairwise).toBeHidden();

  await expect
    .poll(async () => (await imagesOf(runId)).map((row) => row.map((image) => image.starred)))
    .toEqual([
      [false, true, false],
      [false, false, true],
    ]);
  expect((await imagesOf(runId))[0]![1]!.note).toBe("sharpest hands; keep");
});

test("a blind review triaged by keyboard only: number keys, 0 and pairwise pick, typing in a comment does not", async ({
  browser,
}) => {
  const runId = await createRun(E2E_BASE_URL, { prompts: PROMPTS, models: MODELS });
  await waitUntilTerminal(E2E_BASE_URL, runId);
  const { slug } = await appClient(E2E_BASE_URL).createGallery({ runIds: [runId], review: { blind: true } });
  const page = await reviewer(browser);
  await page.goto(`/g/${slug}`);
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
  await expectAccessible(page, "review with keyboard triage");
  const row = (index: number) => page.locator(`[data-row="${index}"]`);
  const checked = (index: number) => row(index).locator('input[type="radio"]:checked');

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("None of these");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("j");
  await expect(row(0).getByRole("heading", { level: 2 })).toBeFocused();
  // 0 picks "None of these"; a number key then changes the pick.
  await page.keyboard.press("0");
  await expect(checked(0)).toHaveAttribute("value", "none");
  await expect(checked(0)).toBeFocused();
  await announced(page, "Row 1 of 2: None of these picked");
  await page.keyboard.press("3");
  await expect(checked(0)).toBeFocused();
  await expect(checked(0)).not.toHaveAttribute("value", "none");
  await announced(page, "Row 1 of 2: winner C picked");
  const firstPick = (await checked(0).getAttribute("value"))!;

  // N goes to the prompt's comment; what is typed there is text, not keys.
  await page.keyboard.press("n");
  const comment = row(0).getByRole("textbox", { name: "Comment on this prompt (optional)" });
  await expect(comment).toBeFocused();
  await page.keyboard.type("j 1 keeps the grain");
  await expect(comment).toHaveValue("j 1 keeps the grain");
  await expect(checked(0)).toHaveAttribute("value", firstPick);

  // Back out of the field, to row 2, and pick it pairwise: B over A, then B over C.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("j");
  await expect(row(1).getByRole("heading", { level: 2 })).toBeFocused();
  await compareThree(page, "2", "ArrowRight");
  await announced(page, "Row 2 of 2: winner B picked");
  await expect(checked(1)).toBeFocused();
  const secondPick = (await checked(1).getAttribute("value"))!;

  await page.getByRole("button", { name: "Send my picks" }).press("Enter");
  await expect(page.getByRole("button", { name: "Update my picks" })).toBeVisible();

  const shown = await reviewImageIds(slug);
  const original = (reviewId: string) => [...shown].find(([, id]) => id === reviewId)?.[0];
  const results = (await (
    await fetch(`${E2E_BASE_URL}/api/galleries/${slug}/results`)
  ).json()) as ReviewResultsView;
  const [ballot] = results.ballots;
  const pickOf = (index: number) =>
    ballot?.picks.find((entry) => entry.promptKey === results.prompts[index]!.key);
  expect(pickOf(0)?.imageId).toBe(original(firstPick));
  expect(pickOf(0)?.comment).toBe("j 1 keeps the grain");
  expect(pickOf(1)?.imageId).toBe(original(secondPick));
  await page.context().close();
});
