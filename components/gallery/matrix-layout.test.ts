import { describe, expect, it } from "vitest";
import { fitDensity, isNarrow, narrowColumnWidth } from "./matrix-layout";

describe("fitDensity", () => {
  const matrix = { prompts: 3, columns: 4 };

  it("opens in the largest density whose every column fits the width", () => {
    expect(fitDensity(matrix, 1400)).toBe("large");
    expect(fitDensity(matrix, 900)).toBe("compact");
    expect(fitDensity({ prompts: 3, columns: 12 }, 900)).toBe("contact");
  });

  it("shows large cards on a phone, one column at a time", () => {
    expect(isNarrow(358)).toBe(true);
    expect(fitDensity(matrix, 358)).toBe("large");
    expect(narrowColumnWidth("large", 4, 358)).toBeGreaterThan(358 / 2);
  });

  it("goes by the column count before the width is known, and for a one-prompt row", () => {
    expect(fitDensity(matrix, null)).toBe("large");
    expect(fitDensity({ prompts: 1, columns: 6 }, 1400)).toBe("compact");
  });
});
