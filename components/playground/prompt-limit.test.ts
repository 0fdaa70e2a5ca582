import { describe, expect, it } from "vitest";
import { promptLimit, tooLongMessage } from "./prompt-limit";

const MODELS = [
  { id: "a", label: "Z-Image", promptMaxLength: 2000 },
  { id: "b", label: "Z-Image Turbo (DashScope)", promptMaxLength: 800 },
  { id: "c", label: "FLUX.1", promptMaxLength: 2000 },
];

describe("promptLimit", () => {
  it("names the selected model with the strictest limit", () => {
    expect(promptLimit(MODELS, ["a", "b"])).toEqual({
      maxLength: 800,
      setBy: "Z-Image Turbo (DashScope)",
    });
  });

  it("loosens when that model is unticked, and names nobody when all agree", () => {
    expect(promptLimit(MODELS, ["a", "c"])).toEqual({ maxLength: 2000, setBy: undefined });
  });

  it("falls back to the catalog's strictest limit with nothing selected", () => {
    expect(promptLimit(MODELS, [])).toEqual({ maxLength: 800, setBy: undefined });
  });
});

describe("tooLongMessage", () => {
  it("says whose limit it is and by how much the prompt is over", () => {
    expect(tooLongMessage({ maxLength: 800, setBy: "Z-Image Turbo (DashScope)" }, 924)).toBe(
      "Z-Image Turbo (DashScope) accepts at most 800 characters (124 over). Shorten the prompt or untick it.",
    );
    expect(tooLongMessage({ maxLength: 2000 }, 2001)).toBe(
      "Prompts can be at most 2,000 characters (1 over).",
    );
  });
});
