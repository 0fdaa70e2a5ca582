import { expect, type Browser, type Page } from "@playwright/test";
import type { ReviewResultsView } from "../../lib/api/review-views";
import { E2E_BASE_URL } from "./env";

/** Fails naming the first of `secrets` (model ids, names, providers…) that `text` contains. */
export function expectNoneOf(secrets: readonly string[], text: string, where: string) {
  const lower = text.toLowerCase();
  for (const secret of secrets) {
    expect(lower.includes(secret.toLowerCase()), `${where} names "${secret}"`).toBe(false);
  }
}

/** A reviewer in a fresh browser context: no cookie, so a new reviewer id. */
export async function reviewer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  return context.newPage();
}

/** Clicks the card of an image: a reviewer picks by clicking it (the radio inside is visually hidden). */
export async function pick(page: Page, imageId: string) {
  await page.locator("label", { has: page.locator(`input[type="radio"][value="${imageId}"]`) }).click();
  await expect(page.locator(`input[type="radio"][value="${imageId}"]`)).toBeChecked();
}

/** The owner, on the results page, reveals the names and the tally to reviewers. */
export async function reveal(owner: Page) {
  await owner.getByRole("button", { name: "Reveal to reviewers" }).click();
  await owner
    .getByRole("dialog", { name: "Reveal the results?" })
    .getByRole("button", { name: "Reveal" })
    .click();
  await expect(owner.getByText("Revealed: reviewers see the model names and the tally")).toBeVisible();
}

/**
 * The owner's map from each image to the id a blind review shows it under (its own id, which only
 * the owner's results tell): what a test picks with. An open review shows the images' own ids.
 */
export async function reviewImageIds(slug: string): Promise<Map<string, string>> {
  const response = await fetch(`${E2E_BASE_URL}/api/galleries/${slug}/results`);
  const results = (await response.json()) as ReviewResultsView;
  return new Map(
    results.prompts.flatMap((prompt) =>
      prompt.images.map((image) => [image.imageId, image.reviewImageId ?? image.imageId]),
    ),
  );
}
