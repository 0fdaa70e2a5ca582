import { describe, expect, it } from "vitest";
import { distinctTitles, toCompareItem } from "./compare-items";

const image = { id: "i1", url: "/u", thumbnailUrl: "/t", width: 1024, height: 1024 };

function view(configuration: string, take: number, performance: string) {
  return {
    image: { ...image, id: `${configuration}-${take}` } as never,
    runId: "r1",
    prompt: "a red fox",
    modelId: "shortapi/flux-1.0",
    configuration,
    take,
    params: { performance, seed: 7 },
    seed: 7,
  };
}

describe("toCompareItem", () => {
  it("names two columns of one model by their configuration labels, not the model's name twice", () => {
    const schnell = toCompareItem(view("FLUX.1 · schnell", 1, "schnell"), []);
    const dev = toCompareItem(view("FLUX.1 · dev", 1, "dev"), []);
    expect(schnell.title).toBe("FLUX.1 · schnell · shortapi");
    expect(dev.title).toBe("FLUX.1 · dev · shortapi");
  });

  it("says which take a later take is, so two takes of one cell read apart", () => {
    expect(toCompareItem(view("FLUX.1 · dev", 3, "dev"), []).title).toBe("FLUX.1 · dev · shortapi · take 3");
  });

  it("carries the prompt, and the parameters as labelled with the seed once", () => {
    const labels = [
      { key: "performance", title: "Performance", value: "dev" },
      { key: "seed", title: "Seed", value: "7" },
    ];
    const item = toCompareItem(view("FLUX.1 · dev", 1, "dev"), labels);
    expect(item.prompt).toBe("a red fox");
    expect(item.details).toEqual(["Performance dev", "Seed 7"]);
  });
});

describe("distinctTitles", () => {
  const item = (id: string, title: string, imageNumber?: number) => ({
    id,
    url: `/${id}`,
    thumbnailUrl: `/${id}.webp`,
    title,
    imageNumber,
    details: [],
  });

  it("names two images of one cell by their number in it, and leaves a title of its own as it is", () => {
    const titles = distinctTitles([
      item("a", "FLUX.1 · shortapi", 1),
      item("b", "FLUX.1 · shortapi", 2),
      item("c", "Z-Image · pixazo", 1),
    ]).map((entry) => entry.title);
    expect(titles).toEqual([
      "FLUX.1 · shortapi · image 1",
      "FLUX.1 · shortapi · image 2",
      "Z-Image · pixazo",
    ]);
  });

  it("numbers them in view order where their image numbers are the same (one configuration of two runs)", () => {
    const titles = distinctTitles([
      item("a", "FLUX.1 · shortapi", 1),
      item("b", "FLUX.1 · shortapi", 1),
      item("c", "Image A"),
    ]).map((entry) => entry.title);
    expect(titles).toEqual(["FLUX.1 · shortapi (1)", "FLUX.1 · shortapi (2)", "Image A"]);
  });

  it("gives every compared image its number in its cell", () => {
    const second = { ...view("FLUX.1 · dev", 1, "dev"), image: { ...image, index: 1 } as never };
    expect(toCompareItem(second, []).imageNumber).toBe(2);
  });
});
