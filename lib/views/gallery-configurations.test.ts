import { describe, expect, it } from "vitest";
import type { JobRow, RunRow } from "@/lib/db/schema";
import { galleryConfigurations } from "./gallery-configurations";

const FLUX = "shortapi/flux-1.0";
const TURBO = "pixazo/z-image-turbo";

function run(id: string, configs: { modelId: string; params: Record<string, unknown>; label: string }[]) {
  return { id, configs: configs.map((config) => ({ ...config, notes: [] })) } as unknown as RunRow;
}

function job(id: string, runId: string, configIndex: number, modelId: string) {
  return { id, runId, configIndex, modelId, params: {} } as unknown as JobRow;
}

const dev = { aspect_ratio: "1:1", num_images: 1, performance: "dev" };
const schnell = { ...dev, performance: "schnell" };

describe("galleryConfigurations", () => {
  it("labels a matrix's columns as the matrix does", () => {
    const configurations = galleryConfigurations({
      runs: [
        run("r", [
          { modelId: FLUX, params: dev, label: "FLUX.1 · dev" },
          { modelId: FLUX, params: schnell, label: "FLUX.1 · schnell" },
          { modelId: TURBO, params: {}, label: "Z-Image Turbo" },
        ]),
      ],
      jobs: [job("a", "r", 0, FLUX), job("b", "r", 1, FLUX), job("c", "r", 2, TURBO), job("d", "r", 1, FLUX)],
    });
    expect([...configurations.values()].map((entry) => entry.label)).toEqual([
      "FLUX.1 · dev",
      "FLUX.1 · schnell",
      "Z-Image Turbo",
      "FLUX.1 · schnell",
    ]);
    expect(configurations.get("d")?.key).toBe(configurations.get("b")?.key);
    expect(configurations.get("a")?.key).not.toBe(configurations.get("b")?.key);
  });

  it("tells apart one model's configurations from different runs, and joins equal ones", () => {
    const configurations = galleryConfigurations({
      runs: [
        run("one", [{ modelId: FLUX, params: dev, label: "FLUX.1" }]),
        run("two", [{ modelId: FLUX, params: schnell, label: "FLUX.1" }]),
        run("three", [
          {
            modelId: FLUX,
            params: { performance: "dev", num_images: 1, aspect_ratio: "1:1" },
            label: "FLUX.1",
          },
        ]),
      ],
      jobs: [job("a", "one", 0, FLUX), job("b", "two", 0, FLUX), job("c", "three", 0, FLUX)],
    });
    expect(configurations.get("a")?.label).toBe("FLUX.1 · dev");
    expect(configurations.get("b")?.label).toBe("FLUX.1 · schnell");
    expect(configurations.get("c")).toEqual(configurations.get("a"));
  });

  it("keeps a label the run's author gave", () => {
    const configurations = galleryConfigurations({
      runs: [
        run("r", [
          { modelId: FLUX, params: dev, label: "Client's usual" },
          { modelId: FLUX, params: schnell, label: "FLUX.1 · schnell" },
        ]),
      ],
      jobs: [job("a", "r", 0, FLUX), job("b", "r", 1, FLUX)],
    });
    expect(configurations.get("a")?.label).toBe("Client's usual");
    expect(configurations.get("b")?.label).toBe("FLUX.1 · schnell");
  });
});
