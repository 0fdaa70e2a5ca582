import { describe, expect, it } from "vitest";
import { paretoFront } from "./pareto";

describe("the Pareto front of cost vs win rate", () => {
  it("keeps the points nothing beats on both cost and win rate, cheapest first", () => {
    const points = [
      { id: "cheap-weak", cost: 0.002, winRate: 0.3 },
      { id: "dear-strong", cost: 0.04, winRate: 0.8 },
      { id: "dominated", cost: 0.03, winRate: 0.25 },
      { id: "middle", cost: 0.01, winRate: 0.6 },
      { id: "tie-dearer", cost: 0.05, winRate: 0.8 },
    ];
    expect(paretoFront(points).map((point) => point.id)).toEqual(["cheap-weak", "middle", "dear-strong"]);
    expect(paretoFront([])).toEqual([]);
  });
});
