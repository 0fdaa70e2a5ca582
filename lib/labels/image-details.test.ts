import { describe, expect, it } from "vitest";
import { imageDetailRows } from "./image-details";
import { rawParamLabels } from "./params";

describe("imageDetailRows", () => {
  it("says seed and size once each, where the parameters hold them too (DashScope)", () => {
    const rows = imageDetailRows({
      params: [
        { key: "size", title: "Size", value: "1024*1024" },
        { key: "prompt_extend", title: "Prompt extend", value: "off" },
        { key: "seed", title: "Seed", value: "42" },
      ],
      seed: 42,
      width: 1024,
      height: 1024,
    });
    expect(rows.map((row) => [row.title, row.value])).toEqual([
      ["Prompt extend", "off"],
      ["Seed", "42"],
      ["Size", "1024 × 1024"],
    ]);
  });

  it("keeps what the size asked for when the image says otherwise, and the owner's cost and time", () => {
    const rows = imageDetailRows({
      params: [{ key: "size", title: "Size", value: "auto" }],
      seed: null,
      width: 1536,
      height: 1024,
      cost: { text: "$0.060", title: "Charged by the provider" },
      took: "6.4 s",
    });
    expect(rows.map((row) => [row.title, row.value])).toEqual([
      ["Seed", "None"],
      ["Size", "1536 × 1024 (asked auto)"],
      ["Cost", "$0.060"],
      ["Took", "6.4 s"],
    ]);
  });

  it("names a gone model's raw keys in words", () => {
    const rows = imageDetailRows({
      params: rawParamLabels({ num_inference_steps: 8, enable_safety_checker: true }),
      seed: 7,
      width: 64,
      height: 64,
    });
    expect(rows.slice(0, 2).map((row) => [row.title, row.value])).toEqual([
      ["Num inference steps", "8"],
      ["Enable safety checker", "on"],
    ]);
  });
});
