import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchInput } from "./search-input";

/** Every .tsx file under components/, outside the primitives. */
function featureComponents(directory = "components"): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return file === path.join("components", "ui") ? [] : featureComponents(file);
    return file.endsWith(".tsx") ? [file] : [];
  });
}

describe("SearchInput", () => {
  it("is a search field named as asked, with the magnifier hidden from screen readers and room for it", () => {
    const markup = renderToStaticMarkup(
      createElement(SearchInput, { "aria-label": "Search prompts", defaultValue: "fox" }),
    );
    expect(markup).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(markup).toMatch(/<input[^>]*type="search"/);
    expect(markup).toContain('aria-label="Search prompts"');
    expect(markup).toMatch(/<input[^>]*class="[^"]*\bpl-9\b/);
  });

  it("is the one search field: no feature component draws the magnifier in a field of its own", () => {
    const drawing = featureComponents().filter((file) => readFileSync(file, "utf8").includes("SearchIcon"));
    expect(drawing).toEqual([]);
    for (const file of [
      "components/scorecard/scorecard-page.tsx",
      "components/filters/search-model-fields.tsx",
    ]) {
      expect(readFileSync(file, "utf8")).toContain("<SearchInput");
    }
  });
});
