import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const THEMES = ["light", "dark"] as const;
const BLOCKING = new Set(["serious", "critical"]);

/** Every serious or critical axe finding on the page as it is now, one line each, so a failure says what to fix. */
async function blockingFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1] ?? ""}`,
      ),
    );
}

/** No serious or critical axe finding on the page as it is now, in the light theme and the dark one. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Let entrance animations finish: axe measures contrast on what is painted now.
  await page.waitForTimeout(300);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
    expect(await blockingFindings(page), `${label} (${theme})`).toEqual([]);
  }
}
