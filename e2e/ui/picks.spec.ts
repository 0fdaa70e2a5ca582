import { type Page } from "@playwright/test";
import { expect, test } from "../support/contract-test";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import type { ArchiveManifest } from "../../lib/downloads/archive-manifest";
import type { GalleryListView, GalleryView, PickListView, RunView } from "../../lib/api/views";
import { E2E_BASE_URL } from "../support/env";
import { allModels, createRun, waitUntilTerminal } from "../support/runs";

/** Two finished runs of one model each, with prompts no other spec uses. */
async function twoRuns(): Promise<[string, string]> {
  const models = (await allModels(E2E_BASE_URL)).slice(0, 1);
  const tag = Math.random().toString(36).slice(2, 8);
  const ids: string[] = [];
  for (const prompt of [`a starred lighthouse ${tag}`, `a plain lighthouse ${tag}`]) {
    const runId = await createRun(E2E_BASE_URL, { prompt, models });
    expect((await waitUntilTerminal(E2E_BASE_URL, runId))[0]?.status).toBe("succeeded");
    ids.push(runId);
  }
  return ids as [string, string];
}

const getJson = async <T>(path: string): Promise<T> => (await fetch(`${E2E_BASE_URL}${path}`)).json() as T;
async function unstarAll(): Promise<void> {
  const { picks } = await getJson<{ picks: { image: { id: string } }[] }>("/api/picks");
  for (const { image } of picks) {
    await fetch(`${E2E_BASE_URL}/api/images/${image.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ starred: false }),
    });
  }
}
const firstImage = async (runId: string) =>
  (await getJson<RunView>(`/api/runs/${runId}`)).jobs[0]!.images[0]!;
const inDays = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const starButton = (page: Page) => page.getByRole("button", { name: /^Star image 1 of \d+ from/ }).first();

test("star and note an image, filter history by Starred, share the starred with Review + Blind, edit the link", async ({
  page,
}) => {
  // Other specs star images in the same database: start from no stars, so "Share starred" shares ours alone.
  await unstarAll();
  const [starredRun, plainRun] = await twoRuns();
  const image = await firstImage(starredRun);

  await test.step("star an image and write a note on its card; both survive a reload", async () => {
    await page.goto(`/runs/${starredRun}`);
    await expect(starButton(page)).toHaveAttribute("aria-pressed", "false");
    await starButton(page).click();
    await expect(starButton(page)).toHaveAttribute("aria-pressed", "true");

    await page
      .getByRole("button", { name: /^Note on image 1 of \d+ from/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog", { name: /^Note on image 1/ });
    const note = dialog.getByRole("textbox", { name: "Note" });
    await note.fill("x".repeat(2001));
    await expect(dialog.getByText("2,001 / 2,000")).toBeVisible();
    await dialog.getByRole("button", { name: "Save note" }).click();
    await expect(dialog.getByRole("alert")).toContainText("A note is at most 2000 characters");
    await note.fill("Hands are right; keep the warm light");
    await dialog.getByRole("button", { name: "Save note" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    await expect(starButton(page)).toHaveAttribute("aria-pressed", "true");
    await page.screenshot({ path: "test-results/picks-run-card.png" });
    expect(await firstImage(starredRun)).toMatchObject({
      starred: true,
      note: "Hands are right; keep the warm light",
    });
  });

  await test.step("the lightbox shows the star and edits the note in place", async () => {
    await page
      .getByRole("button", { name: /^Open image 1 of \d+ from/ })
      .first()
      .click();
    const lightbox = page.getByRole("dialog", { name: /^Image 1 from/ });
    await expect(lightbox.getByRole("button", { name: /^Star image 1 from/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(lightbox.getByText("Hands are right; keep the warm light")).toBeVisible();
    await lightbox.getByRole("button", { name: /^Edit note on image 1 from/ }).click();
    const note = lightbox.getByRole("textbox", { name: "Note" });
    await note.fill("Hands are right; warmer light");
    await page.screenshot({ path: "test-results/picks-lightbox.png" });
    await lightbox.getByRole("button", { name: "Save note" }).click();
    await expect(lightbox.getByText("Hands are right; warmer light")).toBeVisible();
    await page.keyboard.press("Escape");
    expect((await firstImage(starredRun)).note).toBe("Hands are right; warmer light");
  });

  await test.step("the thumbnails density and the compare view show the star", async () => {
    const density = page.getByRole("group", { name: "Density" });
    await density.getByRole("button", { name: "Thumbnails" }).click();
    await expect(starButton(page)).toHaveAttribute("aria-pressed", "true");
    await density.getByRole("button", { name: "Large" }).click();

    const other = await firstImage(plainRun);
    await page.goto(`/compare?images=${image.id},${other.id}`);
    const picks = page.getByRole("list", { name: "Picks" }).getByRole("listitem");
    const star = (index: number) => picks.nth(index).getByRole("button", { name: /^Star / });
    await expect(star(0)).toHaveAttribute("aria-pressed", "true");
    await expect(picks.nth(0).getByText("Hands are right; warmer light")).toBeVisible();
    await star(1).click();
    await expect(star(1)).toHaveAttribute("aria-pressed", "true");
    await expect.poll(async () => (await firstImage(plainRun)).starred).toBe(true);
    await page.screenshot({ path: "test-results/picks-compare.png" });
    await star(1).click();
    await expect(star(1)).toHaveAttribute("aria-pressed", "false");
    await expect.poll(async () => (await firstImage(plainRun)).starred).toBe(false);
  });

  await test.step("history filtered by Starred shows only the run with a star, kept in the URL", async () => {
    await page.goto("/history");
    await page.getByRole("button", { name: "Starred", exact: true }).click();
    await expect(page).toHaveURL(/[?&]starred=true/);
    const runs = page.getByRole("list", { name: "Runs" });
    await expect(runs.locator(`a[href="/runs/${starredRun}"]`)).toBeVisible();
    await expect(runs.locator(`a[href="/runs/${plainRun}"]`)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Starred", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(runs.locator(`a[href="/runs/${plainRun}"]`)).toHaveCount(0);
    await expect(runs.locator(`a[href="/runs/${starredRun}"]`)).toContainText("1 starred");
    await page.screenshot({ path: "test-results/picks-history.png" });
  });

  let slug = "";
  await test.step("Share starred with Review + Blind makes a blind review of the starred images", async () => {
    await page.getByRole("button", { name: "Share starred" }).click();
    const dialog = page.getByRole("dialog", { name: "Share" });
    await dialog.getByRole("textbox", { name: "Title" }).fill("Starred picks");
    await expect(dialog.getByRole("switch", { name: /^Blind/ })).toBeDisabled();
    await dialog.getByRole("switch", { name: /^Review/ }).check();
    await dialog.getByRole("switch", { name: /^Blind/ }).check();
    await page.screenshot({ path: "test-results/picks-share-dialog.png" });
    await dialog.getByRole("button", { name: "Create link" }).click();
    const link = dialog.getByRole("textbox", { name: "Share link" });
    await expect(link).toHaveValue(/\/g\/[\w-]+$/);
    slug = (await link.inputValue()).split("/g/")[1]!;
    await expect(dialog.getByRole("link", { name: "Results" })).toHaveAttribute(
      "href",
      `/shared/${slug}/results`,
    );

    const summary = (await getJson<GalleryListView>("/api/galleries")).galleries.find(
      (gallery) => gallery.slug === slug,
    );
    expect(summary).toMatchObject({
      title: "Starred picks",
      imageCount: 1,
      hideNotes: false,
      expiresAt: null,
      review: { blind: true, revealed: false },
    });
    const shared = await getJson<GalleryView>(`/api/galleries/${slug}`);
    expect(shared.review?.blind).toBe(true);
    // One option, under the blind review's own id (never the image's).
    const options = shared.review?.prompts.flatMap((prompt) =>
      prompt.options.map((option) => option.image.id),
    );
    expect(options).toHaveLength(1);
    expect(options).not.toContain(image.id);
  });

  await test.step("edit the shared link's title and expiry, then clear the expiry", async () => {
    await page.goto("/shared");
    const item = page.getByRole("listitem", { name: "Starred picks" });
    await expect(item.getByText(/^Blind review · 0 ballots$/)).toBeVisible();
    await expect(item.getByRole("link", { name: "Results" })).toHaveAttribute(
      "href",
      `/shared/${slug}/results`,
    );
    await item.getByRole("button", { name: "Edit link: Starred picks" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit link" });
    await dialog.getByRole("textbox", { name: "Title" }).fill("Client picks");
    await dialog.getByLabel(/^Expires on/).fill(inDays(30));
    await dialog.getByRole("switch", { name: "Hide my notes on images" }).check();
    await page.screenshot({ path: "test-results/picks-edit-dialog.png" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    const edited = page.getByRole("listitem", { name: "Client picks" });
    await expect(edited.getByText(/^Expires /)).toBeVisible();
    await expect(edited.getByText("Notes hidden")).toBeVisible();
    await page.screenshot({ path: "test-results/picks-shared-links.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/picks-shared-links-phone.png" });
    await page.setViewportSize({ width: 1440, height: 900 });
    const find = async () =>
      (await getJson<GalleryListView>("/api/galleries")).galleries.find((gallery) => gallery.slug === slug)!;
    const after = await find();
    expect(after.title).toBe("Client picks");
    expect(after.hideNotes).toBe(true);
    expect(Date.parse(after.expiresAt!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await edited.getByRole("button", { name: "Edit link: Client picks" }).click();
    await dialog.getByRole("button", { name: "No expiry" }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(edited.getByText(/^Expires /)).toHaveCount(0);
    expect((await find()).expiresAt).toBeNull();
  });
});

test("the picks board: stars from three runs, reordered by keyboard, shared and exported in that order", async ({
  page,
  browser,
}) => {
  const models = (await allModels(E2E_BASE_URL)).slice(0, 1);
  const tag = `board${Math.random().toString(36).slice(2, 8)}`;
  const words = ["amber", "birch", "cobalt"];
  for (const word of words) {
    const runId = await createRun(E2E_BASE_URL, { prompt: `${word} teapot ${tag}`, models });
    expect((await waitUntilTerminal(E2E_BASE_URL, runId))[0]?.status).toBe("succeeded");
    const image = await firstImage(runId);
    const response = await fetch(`${E2E_BASE_URL}/api/images/${image.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", origin: E2E_BASE_URL },
      body: JSON.stringify({
        starred: true,
        ...(word === "birch" ? { note: "client liked the glaze" } : {}),
      }),
    });
    expect(response.status).toBe(200);
  }
  const cards = page.getByRole("list", { name: "Picks" }).getByRole("article");
  const shownPrompts = async () =>
    (await cards.allInnerTexts()).map((text) => words.find((word) => text.includes(`${word} teapot`)));

  await test.step("the stars of all three runs are on the board, newest first, filtered by prompt words", async () => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Picks" }).click();
    await expect(page.getByRole("heading", { name: "Picks", level: 1 })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search prompts" }).fill(`teapot ${tag}`);
    await expect(cards).toHaveCount(3);
    expect(await shownPrompts()).toEqual(["cobalt", "birch", "amber"]);
    await expect(cards.nth(1)).toContainText("client liked the glaze");
  });

  await test.step("the keyboard moves amber to the top; the order is saved", async () => {
    const handle = page.getByRole("button", { name: /^Move pick 3: .*amber teapot/ });
    await handle.focus();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByRole("button", { name: /^Move pick 2: .*amber teapot/ })).toBeFocused();
    await page.keyboard.press("Home");
    await expect(page.getByRole("button", { name: /^Move pick 1: .*amber teapot/ })).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Moved to place 1 of 3" })).toBeAttached();
    expect(await shownPrompts()).toEqual(["amber", "cobalt", "birch"]);
    await expect
      .poll(async () =>
        (await getJson<PickListView>(`/api/picks?q=${tag}`)).picks.map((pick) => pick.prompt.split(" ")[0]),
      )
      .toEqual(["amber", "cobalt", "birch"]);
    await page.reload();
    await page.getByRole("searchbox", { name: "Search prompts" }).fill(tag);
    await expect(cards).toHaveCount(3);
    expect(await shownPrompts()).toEqual(["amber", "cobalt", "birch"]);
    await page.screenshot({ path: "test-results/picks-board.png" });
  });

  await test.step("Share these makes a gallery in the board's order", async () => {
    await page.getByRole("button", { name: "Share these" }).click();
    const dialog = page.getByRole("dialog", { name: "Share" });
    await dialog.getByRole("button", { name: "Create link" }).click();
    const link = dialog.getByRole("textbox", { name: "Share link" });
    await expect(link).toHaveValue(/\/g\/[\w-]+$/);
    const visitor = await browser.newContext();
    const sharePage = await visitor.newPage();
    await sharePage.goto(await link.inputValue());
    const sections = sharePage.getByRole("region", { name: /^Prompt:/ });
    await expect(sections).toHaveCount(3);
    const prompts = await sections.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute("aria-label")),
    );
    expect(prompts.map((label) => words.find((word) => label?.includes(word)))).toEqual([
      "amber",
      "cobalt",
      "birch",
    ]);
    await visitor.close();
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  await test.step("the contact sheet and the ZIP hold the selection in that order", async () => {
    await cards.nth(2).getByRole("checkbox").check();
    await cards.nth(0).getByRole("checkbox").check();
    await expect(page.getByText("2 of 3 selected")).toBeVisible();
    const sheetHref = await page.getByRole("link", { name: "Contact sheet" }).getAttribute("href");
    const sheet = await page.request.get(sheetHref!);
    expect(sheet.headers()["content-type"]).toBe("image/png");
    const { width, height } = await sharp(await sheet.body()).metadata();
    // Two rows of one cell each: taller than a one-row sheet of the same width would be.
    expect(height).toBeGreaterThan(width! / 2);
    const zip = await page.request.get((await page.getByRole("link", { name: "ZIP" }).getAttribute("href"))!);
    const files = unzipSync(new Uint8Array(await zip.body()));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as ArchiveManifest;
    expect(manifest.kind).toBe("picks");
    expect(manifest.images.map((image) => image.prompt.split(" ")[0])).toEqual(["amber", "birch"]);
    expect(Object.keys(files)).toContain("contact-sheet.png");
  });
});
