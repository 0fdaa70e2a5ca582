import { expect, type Page, test } from "@playwright/test";
import { e2eSimulator } from "../support/env";
import { DEFAULT_MODELS, modelCheckbox, openPlayground, promptField } from "../support/playground";

const generateButton = (page: Page) => page.getByRole("button", { name: "Generate" });
const promptRows = (page: Page) => page.getByRole("list", { name: "Prompt rows" }).getByRole("listitem");

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("a prompt error clears as soon as the prompt is fixed, in both modes", async ({ page }) => {
  await openPlayground(page);
  await expect(promptField(page)).toHaveAttribute("placeholder", /^Describe the image you want — e\.g\. /);

  await generateButton(page).click();
  await expect(promptField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(promptField(page)).toHaveAccessibleDescription(/Prompt is required/);
  await promptField(page).pressSequentially("A paper crane");
  await expect(promptField(page)).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Prompt is required")).toHaveCount(0);
  await promptField(page).fill("");

  await page.getByRole("radio", { name: "Variants" }).check();
  await expect(promptField(page)).toHaveAttribute("placeholder", /^One prompt per line/);
  await generateButton(page).click();
  await expect(promptField(page)).toHaveAccessibleDescription(/^Write at least one prompt\./);
  await promptField(page).fill("a {red|blue|green} fox");
  await expect(promptRows(page)).toHaveCount(3);
  await expect(page.getByText("Write at least one prompt.")).toHaveCount(0);
  await expect(promptField(page)).not.toHaveAttribute("aria-invalid", "true");
  await page.locator("form").screenshot({ path: "test-results/forms-variants-fixed.png" });
});

test("Edit & re-run loads the Variants text as written, and the next run says what changed", async ({
  page,
}) => {
  await openPlayground(page);
  for (const model of DEFAULT_MODELS.slice(1)) await modelCheckbox(page, model).uncheck();
  await page.getByRole("radio", { name: "Variants" }).check();
  await promptField(page).fill("a {red|blue} fox");
  await generateButton(page).click();
  await expect(page.getByRole("heading", { name: "2 prompts × 1 configuration" })).toBeVisible();

  await page.getByRole("button", { name: "Edit & re-run" }).click();
  await expect(promptField(page)).toHaveValue("a {red|blue} fox");
  await promptField(page).fill("a {red|blue} fox at dusk");
  await page.getByRole("radio", { name: "Locked" }).check();
  await page.getByLabel("Locked seed").fill("77");
  const created = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/api/runs",
  );
  await generateButton(page).click();
  const { id } = (await (await created).json()) as { id: string };
  const newest = page.locator(`section[aria-labelledby="run-${id}-title"]`);
  const changes = newest.locator("[data-edit-changes]");
  await expect(changes).toContainText("Changed since the run it was edited from");
  await expect(changes.locator("ins")).toHaveText("added: at dusk");
  await expect(changes).toContainText("Seed random → 77");
  await changes.screenshot({ path: "test-results/forms-edit-changes.png" });

  await page.goto("/history");
  const card = page.getByRole("link", { name: /a red fox/ }).first();
  const edited = card.locator("[data-edit-changes]");
  await expect(edited).toContainText("Edited:");
  await expect(edited.locator("ins")).toHaveText("added: at dusk");
  await expect(edited).toContainText("Seed random → 77");
  await edited.screenshot({ path: "test-results/forms-history-changes.png" });
});

test("the model picker groups models by family, each with its provider and what it is good for", async ({
  page,
}) => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await openPlayground(page);
    const picker = page.getByRole("group", { name: /^Models/ });
    await expect(picker.getByRole("heading")).toHaveText(["FLUX", "GPT Image", "Z-Image", "Qwen Image Edit"]);
    const zImage = picker.getByRole("region", { name: "Z-Image", exact: true });
    await expect(zImage.getByRole("checkbox")).toHaveCount(4);
    const dashscope = zImage.getByRole("group", { name: "Z-Image Turbo (DashScope)" });
    await expect(dashscope.locator("[data-provider]")).toHaveText(/DashScope/);
    await expect(dashscope).toContainText("Repeatable drafts: a seed gives the same image again");
    await expect(modelCheckbox(page, "GPT Image 2 (shortapi)")).toHaveAccessibleDescription(
      /^Posters and layouts: crisp text and fine detail /,
    );
    await picker.screenshot({ path: `test-results/forms-picker-${viewport.width}.png` });
  }
});
