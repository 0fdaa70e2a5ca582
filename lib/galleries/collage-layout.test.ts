import { describe, expect, it } from "vitest";
import { collageLayout, type Placement } from "./collage-layout";

const SIZE = { width: 1200, height: 630 };
const aspect = (placement: Placement) => placement.width / placement.height;
const inside = (placement: Placement) =>
  placement.left >= 0 &&
  placement.top >= 0 &&
  placement.left + placement.width <= SIZE.width &&
  placement.top + placement.height <= SIZE.height;

describe("collageLayout", () => {
  it("keeps every image's aspect ratio and stays inside the card", () => {
    const aspects = [16 / 9, 1, 9 / 16, 4 / 3];
    const placements = collageLayout(aspects, SIZE);
    expect(placements).toHaveLength(4);
    placements.forEach((placement, index) => {
      expect(aspect(placement)).toBeCloseTo(aspects[index]!, 1);
      expect(inside(placement)).toBe(true);
    });
  });

  it("shows one image whole, centred, as large as the card allows", () => {
    expect(collageLayout([1], SIZE)).toEqual([{ left: 285, top: 0, width: 630, height: 630 }]);
  });

  it("puts four squares in two rows, where they are larger than in one", () => {
    const placements = collageLayout([1, 1, 1, 1], SIZE);
    expect(new Set(placements.map((placement) => placement.top)).size).toBe(2);
    expect(placements[0]!.width).toBeGreaterThan(SIZE.width / 4);
  });

  it("keeps two landscape images in one row", () => {
    const placements = collageLayout([16 / 9, 16 / 9], SIZE);
    expect(placements[0]!.top).toBe(placements[1]!.top);
    expect(placements[0]!.left + placements[0]!.width).toBeLessThan(placements[1]!.left);
  });

  it("places nothing for no images", () => {
    expect(collageLayout([], SIZE)).toEqual([]);
  });
});
