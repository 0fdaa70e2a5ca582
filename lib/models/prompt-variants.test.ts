import { describe, expect, it } from "vitest";
import { escapePromptVariant, expandPromptVariants } from "./prompt-variants";

const expand = (text: string, max = 12) => expandPromptVariants(text, max);

describe("expandPromptVariants", () => {
  it("expands alternatives into every combination, the first group varying slowest", () => {
    expect(expand("a {red|blue} fox in {watercolor|pixel art}")).toEqual({
      ok: true,
      prompts: [
        "a red fox in watercolor",
        "a red fox in pixel art",
        "a blue fox in watercolor",
        "a blue fox in pixel art",
      ],
    });
  });

  it("takes one prompt per line, skipping blank lines and trimming each", () => {
    expect(expand("  a cat \n\n\r\na {dog|cow}\n")).toEqual({
      ok: true,
      prompts: ["a cat", "a dog", "a cow"],
    });
  });

  it("keeps a text without braces as it is", () => {
    expect(expand("a fox | a hound")).toEqual({ ok: true, prompts: ["a fox | a hound"] });
  });

  it("reads an empty alternative as nothing, and collapses the space it leaves", () => {
    expect(expand("a {|big }fox {at night|}")).toEqual({
      ok: true,
      prompts: ["a fox at night", "a fox", "a big fox at night", "a big fox"],
    });
    expect(expand("a fox{}")).toEqual({ ok: true, prompts: ["a fox"] });
  });

  it("drops duplicates across lines and combinations, keeping the first", () => {
    expect(expand("a {cat|cat|dog}\na dog\na {cow|cat}")).toEqual({
      ok: true,
      prompts: ["a cat", "a dog", "a cow"],
    });
  });

  it("reads escaped braces, bars and backslashes as themselves", () => {
    expect(expand(String.raw`a \{literal\} {x\|y|z} \\ C:\path`)).toEqual({
      ok: true,
      prompts: [String.raw`a {literal} x|y \ C:\path`, String.raw`a {literal} z \ C:\path`],
    });
  });

  it("refuses nested and unbalanced braces, naming the line and column", () => {
    expect(expand("ok\na {red|{dark|light} blue} fox")).toEqual({
      ok: false,
      error: 'Line 2, column 8: "{" inside a group; groups cannot nest.',
    });
    expect(expand("a {red|blue fox")).toEqual({
      ok: false,
      error: 'Line 1: a "{" is never closed with "}".',
    });
    expect(expand("a red} fox")).toEqual({
      ok: false,
      error: String.raw`Line 1, column 6: "}" without a "{" before it (write \} for a brace).`,
    });
  });

  it("asks for a prompt when there is none", () => {
    expect(expand(" \n {|} \n")).toEqual({ ok: false, error: "Write at least one prompt." });
  });

  it("allows exactly the limit and refuses one more, saying how many it makes", () => {
    const twelve = "{a|b|c} {1|2|3|4}";
    expect(expand(twelve)).toMatchObject({ ok: true, prompts: expect.arrayContaining(["a 1", "c 4"]) });
    expect(expand(`${twelve}\none more`)).toEqual({
      ok: false,
      count: 13,
      error: "This makes 13 prompts; a run takes at most 12. Remove some lines or alternatives.",
    });
  });

  it("counts duplicates once against the limit", () => {
    expect(expand("{a|b|c|d|e|f|g}\n{a|b|c|d|e|f|g}")).toMatchObject({ ok: true });
  });

  it("counts a huge text without writing it out", () => {
    const huge = Array.from({ length: 10 }, () => "{a|b|c|d}").join(" ");
    expect(expand(huge)).toMatchObject({ ok: false, count: 4 ** 10 });
    expect(expand(huge)).toMatchObject({ error: expect.stringContaining("1,048,576 prompts") });
  });
});

describe("escapePromptVariant", () => {
  it("makes any prompt a line that expands to exactly that prompt", () => {
    const prompts = [String.raw`a {b|c} \ d`, "pipes | and } braces {", "plain"];
    const text = prompts.map(escapePromptVariant).join("\n");
    expect(expand(text)).toEqual({ ok: true, prompts });
  });

  it("puts a prompt written over several lines on one", () => {
    expect(escapePromptVariant("line one\n  line two")).toBe("line one line two");
  });
});
