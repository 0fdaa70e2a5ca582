import { describe, expect, it } from "vitest";
import { generateBlockedReason, promptRows, promptRowsError } from "./prompt-rows";

const LIMIT = { maxLength: 12, setBy: "Tiny" };

describe("promptRows", () => {
  it("sends the text as one prompt in Single mode, braces and lines included", () => {
    expect(promptRows(" a {red|blue}\nfox ", "single")).toEqual({ ok: true, prompts: ["a {red|blue}\nfox"] });
    expect(promptRows("  ", "single")).toEqual({ ok: false, error: "Prompt is required" });
  });

  it("expands the text in Variants mode, up to the run's 12 prompts", () => {
    expect(promptRows("a {red|blue} fox", "variants")).toEqual({
      ok: true,
      prompts: ["a red fox", "a blue fox"],
    });
    expect(promptRows("{a|b|c|d} {1|2|3|4}", "variants")).toMatchObject({ ok: false, count: 16 });
  });
});

describe("promptRowsError", () => {
  it("names the row that is too long when there are several", () => {
    expect(promptRowsError({ ok: true, prompts: ["short", "much too long"] }, LIMIT)).toBe(
      "Prompt 2: Tiny accepts at most 12 characters (1 over). Shorten the prompt or untick it.",
    );
    expect(promptRowsError({ ok: true, prompts: ["much too long"] }, LIMIT)).toBe(
      "Tiny accepts at most 12 characters (1 over). Shorten the prompt or untick it.",
    );
    expect(promptRowsError({ ok: true, prompts: ["short"] }, LIMIT)).toBe(true);
  });
});

describe("generateBlockedReason", () => {
  const rows = (text: string) => promptRows(text, "variants");

  it("blocks a Variants text that does not expand, but not an empty one", () => {
    expect(generateBlockedReason(rows("a {fox"), "variants", "a {fox", 1)).toBe(
      'Line 1: a "{" is never closed with "}".',
    );
    expect(generateBlockedReason(rows(""), "variants", "", 1)).toBeNull();
  });

  it("blocks more than 12 prompts, and more than 48 jobs", () => {
    const thirteen = "{a|b|c|d|e|f|g|h|i|j|k|l|m}";
    expect(generateBlockedReason(rows(thirteen), "variants", thirteen, 1)).toMatch(
      /13 prompts; a run takes at most 12/,
    );
    const seven = "{a|b|c|d|e|f|g}";
    expect(generateBlockedReason(rows(seven), "variants", seven, 6)).toBeNull();
    expect(generateBlockedReason(rows(seven), "variants", seven, 7)).toBe(
      "7 prompts × 7 configurations is 49 jobs; a run takes at most 48. Remove prompts or variants.",
    );
  });
});
