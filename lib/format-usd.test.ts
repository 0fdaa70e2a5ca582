import { describe, expect, it } from "vitest";
import { formatUsd } from "./format-usd";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [0.0039, "$0.004"],
    [0.1, "$0.100"],
    [1.5, "$1.50"],
    [12, "$12.00"],
  ])("%s → %s", (value, text) => expect(formatUsd(value)).toBe(text));
});
