import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MODELS as CATALOG, findModel } from "@/lib/models/catalog";
import { PROVIDER_IDS, type ProviderId } from "@/lib/models/types";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { providerDescriptor } from "./descriptors";
import { rejection } from "@/lib/testing/replay-fetch";
import {
  INPUT_COLOURS,
  startInputImageServer,
  type InputImageServer,
} from "@/lib/testing/input-image-server";
import type { ImageProvider, PollResult, ProviderConfig, SubmitInput, SubmitResult } from "./types";

/** The real adapters against the loopback simulator (lib/simulator), driven through its control port. */

const KEY = "sim-key";

let simulator: RunningSimulator;
let inputServer: InputImageServer;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, stepMs: 15 });
  inputServer = await startInputImageServer();
});
afterAll(async () => {
  await simulator?.close();
  await inputServer?.close();
});
beforeEach(async () => {
  await simulator.control.reset();
});

function adapter(providerId: ProviderId, overrides: Partial<ProviderConfig> = {}): ImageProvider {
  return providerDescriptor(providerId).create({
    apiKey: KEY,
    baseUrl: simulator.urls[providerId],
    fetch: globalThis.fetch,
    ...overrides,
  });
}

/**
 * A submit input with the model schema's defaults applied, as the jobs layer would send it; an edit
 * model gets its minimum of input images, as its provider takes them (a URL the simulator fetches,
 * or a data URI).
 */
async function input(
  modelId: string,
  params: Record<string, unknown>,
  prompt = "a lighthouse at dusk",
): Promise<SubmitInput> {
  const model = findModel(modelId);
  if (!model) throw new Error(`no model ${modelId}`);
  const image =
    providerDescriptor(model.providerId).inputTransport === "url"
      ? inputServer.url("red")
      : `data:image/png;base64,${(await redPng()).toString("base64")}`;
  return {
    modelId,
    prompt,
    params: model.params.parse(params) as Record<string, unknown>,
    inputImages: Array.from({ length: model.inputImages.min }, () => image),
  };
}

const redPng = () =>
  sharp({ create: { width: 320, height: 200, channels: 3, background: INPUT_COLOURS.red } })
    .png()
    .toBuffer();

/** Polls until terminal; bounded by attempts, never by wall-clock assertions. */
async function settle(
  provider: ImageProvider,
  modelId: string,
  submitted: SubmitResult,
): Promise<PollResult> {
  if (submitted.state === "done") return { state: "succeeded", outputs: submitted.outputs };
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const result = await provider.poll({
      modelId,
      providerJobId: submitted.providerJobId,
      pollingUrl: submitted.pollingUrl,
    });
    if (result.state === "succeeded" || result.state === "failed") return result;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("job never finished");
}

/** The image type from its magic bytes, or null when the bytes are not an image. */
function imageFormat(bytes: Uint8Array): "png" | "jpeg" | "webp" | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes[0] === 0x89 && ascii(1, 4) === "PNG") return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** One row per catalog model (checked below), with params that exercise it. */
const MODELS: [modelId: string, providerId: ProviderId, params: Record<string, unknown>, images: number][] = [
  ["shortapi/z-image", "shortapi", { aspect_ratio: "16:9", num_images: 2, resolution: "1.5K" }, 2],
  ["shortapi/flux-1.0", "shortapi", { aspect_ratio: "1:1", num_images: 1, performance: "schnell" }, 1],
  ["shortapi/gpt-image-2", "shortapi", { size: "1536x1024" }, 1],
  ["shortapi/gpt-image-2-edit", "shortapi", {}, 1],
  ["shortapi/flux-1.0-image-to-image", "shortapi", { aspect_ratio: "4:3", num_images: 2 }, 2],
  ["pixazo/z-image-turbo", "pixazo", { image_size: "landscape_16_9" }, 1],
  ["pixazo/z-image-base", "pixazo", { image_size: "portrait_3_4", num_images: 2, acceleration: "fast" }, 2],
  ["pixazo/qwen-image-edit", "pixazo", { negative_prompt: "blur" }, 1],
  ["dashscope/z-image-turbo", "dashscope", { size: "1280*720", prompt_extend: true, seed: 7 }, 1],
  ["dashscope/qwen-image-edit-plus", "dashscope", { n: 2, negative_prompt: "blur", seed: 3 }, 2],
  ["dashscope/qwen-image-edit-max", "dashscope", { size: "1024*768" }, 1],
];

describe.each(MODELS)("%s against the simulator", (modelId, providerId, params, images) => {
  it("submits, polls to success, and returns fetchable image URLs", async () => {
    const provider = adapter(providerId);
    const submitted = await provider.submit(await input(modelId, params));
    if (providerId === "dashscope") expect(submitted.state).toBe("done");
    else expect(submitted).toMatchObject({ state: "pending", providerJobId: expect.any(String) });
    if (providerId === "shortapi") expect(submitted.costUsd).toEqual(expect.any(Number));

    const result = await settle(provider, modelId, submitted);
    expect(result.state).toBe("succeeded");
    if (result.state !== "succeeded") return;
    expect(result.outputs).toHaveLength(images);
    for (const output of result.outputs) {
      const image = await fetch(output.url);
      expect(image.status).toBe(200);
      // pixazo serves application/octet-stream (docs/providers.md §3.5), so check the bytes themselves.
      expect(imageFormat(new Uint8Array(await image.arrayBuffer()))).not.toBeNull();
    }
  });

  it("maps a content-policy refusal to content_policy", async () => {
    await simulator.control.outcome({ provider: providerId, outcome: "content_policy" });
    const provider = adapter(providerId);
    if (providerId === "dashscope") {
      const error = await rejection(provider.submit(await input(modelId, params)));
      expect(error).toMatchObject({ code: "content_policy", retryable: false, status: 400 });
      expect(error.message).toContain("DashScope: content inspection failed (DataInspectionFailed)");
      return;
    }
    const result = await settle(provider, modelId, await provider.submit(await input(modelId, params)));
    expect(result).toMatchObject({
      state: "failed",
      error: { code: "content_policy", provider: providerId, retryable: false },
    });
  });
});

/** One model per provider (checked below) for the faults every provider must map alike. */
const PROVIDERS: [ProviderId, string, Record<string, unknown>][] = [
  ["shortapi", "shortapi/z-image", { aspect_ratio: "1:1" }],
  ["pixazo", "pixazo/z-image-turbo", { image_size: "square_1_1" }],
  ["dashscope", "dashscope/z-image-turbo", {}],
];

it("covers every model of the catalog and every provider", () => {
  expect(MODELS.map(([modelId]) => modelId).sort()).toEqual(CATALOG.map((model) => model.id).sort());
  expect(PROVIDERS.map(([providerId]) => providerId).sort()).toEqual([...PROVIDER_IDS].sort());
});

describe.each(PROVIDERS)("%s transport failures against the simulator", (providerId, modelId, params) => {
  const submit = async (overrides?: Partial<ProviderConfig>) =>
    adapter(providerId, overrides).submit(await input(modelId, params));

  it("maps 429 with Retry-After to a retryable rate_limited", async () => {
    await simulator.control.fault({
      provider: providerId,
      on: "submit",
      kind: "status",
      status: 429,
      retryAfter: 9,
    });
    expect(await rejection(submit())).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterSeconds: 9,
      status: 429,
    });
  });

  it("maps a JSON 500 to a retryable provider_error", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "status", status: 500 });
    expect(await rejection(submit())).toMatchObject({ code: "provider_error", retryable: true, status: 500 });
  });

  it("maps an HTML 502 to a retryable malformed_response", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "html" });
    const error = await rejection(submit());
    expect(error).toMatchObject({ code: "malformed_response", retryable: true, status: 502 });
    expect(error.message).toContain("HTTP 502");
  });

  it("maps a truncated submit answer to malformed_response with an unknown outcome", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "truncated" });
    expect(await rejection(submit())).toMatchObject({ code: "malformed_response", outcomeUnknown: true });
  });

  it("maps a dropped submit connection to network_error with an unknown outcome", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "drop" });
    expect(await rejection(submit())).toMatchObject({
      code: "network_error",
      retryable: true,
      outcomeUnknown: true,
    });
  });

  it("maps a submit slower than timeoutMs to timeout with an unknown outcome", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "delay", delayMs: 400 });
    expect(await rejection(submit({ timeoutMs: 50 }))).toMatchObject({
      code: "timeout",
      retryable: true,
      outcomeUnknown: true,
    });
  });

  it("maps 401 (status fault, wrong key, empty key) to unauthorized without leaking the key", async () => {
    await simulator.control.fault({ provider: providerId, on: "submit", kind: "status", status: 401 });
    expect(await rejection(submit())).toMatchObject({ code: "unauthorized", retryable: false, status: 401 });

    await simulator.control.settings({ apiKeys: ["the-right-key"] });
    const wrongKey = await rejection(submit({ apiKey: "the-wrong-key" }));
    expect(wrongKey).toMatchObject({ code: "unauthorized", status: 401 });
    expect(wrongKey.message).not.toContain("the-wrong-key");

    expect(await rejection(submit({ apiKey: "" }))).toMatchObject({ code: "unauthorized", status: 401 });
  });
});

describe("failures specific to one provider", () => {
  it("pixazo: 402 is insufficient_balance", async () => {
    await simulator.control.fault({ provider: "pixazo", on: "submit", kind: "status", status: 402 });
    const error = await rejection(
      adapter("pixazo").submit(await input("pixazo/z-image-base", { image_size: "square_1_1" })),
    );
    expect(error).toMatchObject({ code: "insufficient_balance", retryable: false, status: 402 });
    expect(error.message).toContain("pixazo: insufficient balance (402)");
  });

  it("pixazo: an ERROR job fails as provider_error, not charged; FAILED is provider_error", async () => {
    await simulator.control.outcome({ provider: "pixazo", outcome: "error" });
    await simulator.control.outcome({ provider: "pixazo", outcome: "failed" });
    const provider = adapter("pixazo");
    const job = await input("pixazo/z-image-turbo", { image_size: "square_1_1" });
    const errored = await settle(provider, job.modelId, await provider.submit(job));
    expect(errored).toMatchObject({ state: "failed", error: { code: "provider_error", charged: false } });
    const failed = await settle(provider, job.modelId, await provider.submit(job));
    expect(failed).toMatchObject({ state: "failed", error: { code: "provider_error" } });
  });

  it("shortapi: a failed job is provider_error and refunded", async () => {
    await simulator.control.outcome({ provider: "shortapi", outcome: "failed" });
    const provider = adapter("shortapi");
    const job = await input("shortapi/flux-1.0", { aspect_ratio: "3:2" });
    expect(await settle(provider, job.modelId, await provider.submit(job))).toMatchObject({
      state: "failed",
      error: { code: "provider_error", message: "shortapi: generation failed", charged: false },
    });
  });

  it("shortapi: errors sent as HTTP 200 with a non-zero code are still refusals", async () => {
    await simulator.control.settings({ shortapiErrors: "envelope" });
    const error = await rejection(
      adapter("shortapi").poll({ modelId: "shortapi/z-image", providerJobId: "no-such-job" }),
    );
    expect(error).toMatchObject({ code: "not_found", status: 200, message: "shortapi: job not found" });
  });

  it("DashScope: an algorithm failure is a retryable provider_error", async () => {
    await simulator.control.outcome({ provider: "dashscope", outcome: "failed" });
    const error = await rejection(adapter("dashscope").submit(await input("dashscope/z-image-turbo", {})));
    expect(error).toMatchObject({ code: "provider_error", retryable: true, status: 500 });
    expect(error.message).toContain("(InternalError.Algo)");
  });

  it.each([
    ["shortapi", "shortapi/z-image", "no-such-job"],
    ["pixazo", "pixazo/z-image-turbo", "z-image-turbo-834_00000000-0000-7000-8000-000000000000"],
  ] as const)("%s: an unknown job id is not_found", async (providerId, modelId, providerJobId) => {
    const error = await rejection(adapter(providerId).poll({ modelId, providerJobId }));
    expect(error).toMatchObject({ code: "not_found", retryable: false, status: 404 });
  });

  it.each([
    ["shortapi", "shortapi/gpt-image-2", { size: "auto" }],
    ["pixazo", "pixazo/z-image-turbo", { image_size: "portrait_9_16" }],
  ] as const)(
    "%s: a dropped or truncated poll is retryable-safe, and the next poll still finishes",
    async (providerId, modelId, params) => {
      const provider = adapter(providerId);
      const submitted = await provider.submit(await input(modelId, params));
      if (submitted.state !== "pending") throw new Error("expected a pending job");
      const poll = { modelId, providerJobId: submitted.providerJobId, pollingUrl: submitted.pollingUrl };

      await simulator.control.fault({ provider: providerId, on: "poll", kind: "drop" });
      expect(await rejection(provider.poll(poll))).toMatchObject({
        code: "network_error",
        retryable: true,
        outcomeUnknown: false,
      });
      await simulator.control.fault({ provider: providerId, on: "poll", kind: "truncated" });
      expect(await rejection(provider.poll(poll))).toMatchObject({
        code: "malformed_response",
        outcomeUnknown: false,
      });

      expect(await settle(provider, modelId, submitted)).toMatchObject({ state: "succeeded" });
    },
  );
});
