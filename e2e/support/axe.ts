import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.0–2.2 A and AA, and axe's best practices. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// Named so neither drops out: axe ships target-size disabled (it runs only when asked for by tag or
// name), and a future axe could do the same to label-content-name-mismatch.
const RULES = { "target-size": { enabled: true }, "label-content-name-mismatch": { enabled: true } };
const BLOCKING = new Set(["serious", "critical"]);
const THEMES = ["light", "dark"] as const;

/** Every serious or critical axe finding on the page as it is now, one line each, so a failure says what to fix. */
export async function blockingFindings(
  page: Page,
  { only, include = [] }: { only?: string[]; include?: string[] } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of include) builder.include(selector);
  if (only) builder.withRules(only);
  else builder.options({ rules: RULES }).withTags(TAGS);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1] ?? ""}`,
      ),
    );
}

// A theme changes colours only: the other theme is checked for what colours decide.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * No serious or critical finding on the page as it is now: every rule in the light theme, the colour
 * rules in the dark one. Soft, so a test names every page with findings, not only the first.
 * `include`: only these parts of the page (a page of many alike sections, checked by a sample).
 */
export async function expectAccessible(page: Page, label: string, include?: string[]): Promise<void> {
  // Let entrance animations finish: axe measures contrast on what is painted now.
  await page.waitForTimeout(300);
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
    // The switched theme painted whole: no colour transition or animation still running (a spinner's
    // endless turn aside), then two frames.
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== "running" ||
            animation.effect?.getComputedTiming().iterations === Infinity,
        ),
    );
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const findings = await blockingFindings(page, {
      only: theme === "light" ? undefined : COLOUR_RULES,
      include,
    });
    expect.soft(findings, `${label} (${theme})`).toEqual([]);
  }
}
