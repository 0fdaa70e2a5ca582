import { describe, expect, it } from "vitest";
import { describeSchema } from "@/lib/models/describe-schema";
import { findModel } from "@/lib/models/catalog";
import { startingParams } from "@/lib/models/starting-params";
import { parseNumberList, sweepProblems } from "./sweep-values";

const turbo = findModel("pixazo/z-image-turbo")!;
const field = (name: string) => describeSchema(turbo.params).find((entry) => entry.name === name)!;

describe("parseNumberList", () => {
  it("reads commas, spaces and semicolons, drops duplicates and returns what is not a number", () => {
    expect(parseNumberList(" 8, 16 28;16 ,x")).toEqual({ values: [8, 16, 28], invalid: ["x"] });
    expect(parseNumberList("")).toEqual({ values: [], invalid: [] });
  });
});

describe("sweepProblems", () => {
  const base = startingParams(turbo);

  it("validates each value with the model's own schema", () => {
    expect(sweepProblems(turbo, field("num_inference_steps"), base, [8, 16, 99, 2.5])).toEqual([
      "99: Must be at most 50",
      "2.5: Enter a whole number",
    ]);
  });

  it("ignores what is wrong with the configuration's other fields", () => {
    const broken = { ...base, num_images: 99 };
    expect(sweepProblems(turbo, field("num_inference_steps"), broken, [8, 16])).toEqual([]);
  });
});
