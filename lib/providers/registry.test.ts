import { afterEach, describe, expect, it, vi } from "vitest";
import { PROVIDER_IDS } from "@/lib/models/providers";
import { PROVIDER_DESCRIPTORS } from "./descriptors";
import { getProvider, providerStatus } from "./registry";
import { replayFetch } from "@/lib/testing/replay-fetch";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Real providers, with only these keys set (by variable name); every other provider has none. */
function realProviders(keys: Record<string, string>) {
  vi.stubEnv("PRISM_SIMULATOR", "off");
  for (const { env } of PROVIDER_DESCRIPTORS) vi.stubEnv(env.apiKey, keys[env.apiKey] ?? "");
}

describe("registry", () => {
  it("returns null (unavailable) for a provider without a key, an adapter otherwise", () => {
    realProviders({ SHORTAPI_KEY: "ak-1" });
    expect(getProvider("pixazo")).toBeNull();
    expect(providerStatus("pixazo")).toEqual({ available: false, simulated: false });
    expect(getProvider("shortapi")?.id).toBe("shortapi");
    expect(providerStatus("shortapi")).toEqual({ available: true, simulated: false });
  });

  it("reads the key and base URL at call time and honours overrides", async () => {
    realProviders({ DASHSCOPE_API_KEY: "sk-1" });
    vi.stubEnv("DASHSCOPE_BASE_URL", "https://dashscope.example/api/v1/");
    const fetch = replayFetch({
      status: 401,
      json: { code: "InvalidApiKey", message: "Invalid API-key provided." },
    });
    const provider = getProvider("dashscope", { fetch });
    await expect(
      provider?.submit({ modelId: "dashscope/z-image-turbo", prompt: "p", params: {}, inputImages: [] }),
    ).rejects.toMatchObject({
      code: "unauthorized",
    });
    expect(fetch.requests[0]?.url).toBe(
      "https://dashscope.example/api/v1/services/aigc/multimodal-generation/generation",
    );
    expect(fetch.requests[0]?.headers.authorization).toBe("Bearer sk-1");
  });

  it("points every provider at the simulator when it is on", () => {
    vi.stubEnv("PRISM_SIMULATOR", "on");
    vi.stubEnv("SIMULATOR_PORT", "5000");
    for (const id of PROVIDER_IDS) {
      expect(providerStatus(id)).toEqual({ available: true, simulated: true });
      expect(getProvider(id)?.id).toBe(id);
    }
  });
});
