import { describe, expect, it } from "vitest";
import { fixtureLoader, rejection, replayFetch, socketError, type Reply } from "@/lib/testing/replay-fetch";
import { createShortapiProvider } from "./shortapi-provider";

const fixture = fixtureLoader(import.meta.dirname);
const shared = fixtureLoader(`${import.meta.dirname}/..`);
const KEY = "ak-test-key";
const BASE = "https://api.shortapi.test";

function provider(...replies: Reply[]) {
  const fetch = replayFetch(...replies);
  return { fetch, shortapi: createShortapiProvider({ apiKey: KEY, baseUrl: BASE, fetch }) };
}

const zImage = {
  modelId: "shortapi/z-image",
  prompt: "a red fox in snow",
  inputImages: [],
  params: { aspect_ratio: "16:9", num_images: 2, resolution: "1.5K", enable_nsfw: false },
};

describe("shortapi submit", () => {
  it("POSTs the documented envelope with bearer auth and returns the job id and charged amount", async () => {
    const { shortapi, fetch } = provider({ json: fixture.json("create-success") });
    const result = await shortapi.submit({ ...zImage, callbackUrl: "https://prism.test/hooks/shortapi" });
    expect(result).toEqual({ state: "pending", providerJobId: "job_01HZX3K9Q7ZIMAGE", costUsd: 0.02 });
    expect(fetch.requests).toHaveLength(1);
    const request = fetch.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${BASE}/api/v1/job/create`);
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      model: "shortapi/z-image/text-to-image",
      args: {
        prompt: "a red fox in snow",
        aspect_ratio: "16:9",
        num_images: 2,
        resolution: "1.5K",
        enable_nsfw: false,
      },
      callback_url: "https://prism.test/hooks/shortapi",
    });
  });

  it("sends flux's args and omits callback_url when there is none", async () => {
    const { shortapi, fetch } = provider({ json: fixture.json("create-success") });
    await shortapi.submit({
      modelId: "shortapi/flux-1.0",
      prompt: "p",
      inputImages: [],
      params: { aspect_ratio: "1:1", num_images: 4, performance: "schnell" },
    });
    expect(fetch.requests[0]?.body).toEqual({
      model: "shortapi/flux-1.0/text-to-image",
      args: { prompt: "p", aspect_ratio: "1:1", num_images: 4, performance: "schnell" },
    });
  });

  it("sends only prompt and size for gpt-image-2, even if extra params slip in", async () => {
    const { shortapi, fetch } = provider({ json: fixture.json("create-success") });
    await shortapi.submit({
      modelId: "shortapi/gpt-image-2",
      prompt: "p",
      inputImages: [],
      params: { size: "1536x1024", num_images: 3, quality: "high" },
    });
    expect(fetch.requests[0]?.body).toEqual({
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "p", size: "1536x1024" },
    });
  });

  it("falls back to a top-level job_id (the seed's doc bug)", async () => {
    const { shortapi } = provider({ json: fixture.json("create-job-id-top-level") });
    expect(await shortapi.submit(zImage)).toEqual({
      state: "pending",
      providerJobId: "job_top_level_42",
      costUsd: 0.004,
    });
  });

  it("flags a create answer without any job id as malformed with an unknown outcome", async () => {
    const error = await rejection(
      provider({ json: fixture.json("create-no-job-id") }).shortapi.submit(zImage),
    );
    expect(error).toMatchObject({ code: "malformed_response", outcomeUnknown: true, retryable: false });
  });

  it("refuses a model it does not serve, or invalid params, without calling the network", async () => {
    const { shortapi, fetch } = provider();
    expect(await rejection(shortapi.submit({ ...zImage, modelId: "pixazo/z-image-turbo" }))).toMatchObject({
      code: "invalid_request",
      message: "shortapi: unknown model: pixazo/z-image-turbo",
    });
    const invalid = await rejection(shortapi.submit({ ...zImage, params: { aspect_ratio: "5:4" } }));
    expect(invalid).toMatchObject({ code: "invalid_request" });
    expect(invalid.message).toContain("aspect_ratio");
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    [
      "code ≠ 0 on HTTP 200: invalid model (info)",
      { json: fixture.json("error-invalid-model") },
      "invalid_request",
      "shortapi: invalid model: shortapi/nope/text-to-image",
      false,
    ],
    [
      "code ≠ 0 on HTTP 200: validation (message)",
      { json: fixture.json("error-validation") },
      "invalid_request",
      "shortapi: aspect_ratio is required",
      false,
    ],
    [
      "code ≠ 0 on HTTP 200: unsupported (error)",
      { json: fixture.json("error-unsupported-task") },
      "invalid_request",
      "shortapi: unsupported task kind",
      false,
    ],
    [
      "code ≠ 0 on HTTP 200: insufficient balance",
      { json: fixture.json("error-insufficient-balance") },
      "insufficient_balance",
      "shortapi: insufficient balance",
      false,
    ],
    [
      "HTTP 400 with an error envelope",
      { status: 400, json: fixture.json("error-invalid-model") },
      "invalid_request",
      "shortapi: invalid model: shortapi/nope/text-to-image (400)",
      false,
    ],
    [
      "HTTP 401",
      { status: 401, json: fixture.json("error-unauthorized") },
      "unauthorized",
      "shortapi: Unauthorized (401)",
      false,
    ],
    [
      "HTTP 402",
      { status: 402, json: fixture.json("error-insufficient-balance") },
      "insufficient_balance",
      "shortapi: insufficient balance (402)",
      false,
    ],
    [
      "HTTP 503 JSON",
      { status: 503, json: { code: 503, message: "service unavailable" } },
      "provider_error",
      "shortapi: service unavailable (503)",
      true,
    ],
  ] as const)("maps %s", async (_name, reply, code, message, retryable) => {
    const error = await rejection(provider(reply as Reply).shortapi.submit(zImage));
    expect(error).toMatchObject({ provider: "shortapi", code, message, retryable });
    expect(error.message).not.toContain(KEY);
  });

  it("maps 429 to a retryable rate_limited with Retry-After", async () => {
    const error = await rejection(
      provider({
        status: 429,
        json: fixture.json("error-rate-limited"),
        headers: { "Retry-After": "12" },
      }).shortapi.submit(zImage),
    );
    expect(error).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterSeconds: 12,
      status: 429,
    });
  });

  it("maps code 429 on HTTP 200 to rate_limited too", async () => {
    const error = await rejection(
      provider({ json: fixture.json("error-rate-limited") }).shortapi.submit(zImage),
    );
    expect(error).toMatchObject({ code: "rate_limited", retryable: true });
  });

  it("maps an HTML 502 to a retryable malformed_response", async () => {
    const error = await rejection(
      provider({ status: 502, text: shared.text("gateway-502.html") }).shortapi.submit(zImage),
    );
    expect(error).toMatchObject({ code: "malformed_response", retryable: true, status: 502 });
  });

  it("marks a dropped connection during submit as outcome-unknown", async () => {
    const error = await rejection(provider({ throws: socketError("ECONNRESET") }).shortapi.submit(zImage));
    expect(error).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
  });
});

describe("shortapi poll", () => {
  const poll = { modelId: "shortapi/z-image", providerJobId: "job/with spaces&odd=chars" };

  it("GETs the query endpoint with the id encoded and the key", async () => {
    const { shortapi, fetch } = provider({ json: fixture.json("query-queued") });
    expect(await shortapi.poll(poll)).toEqual({ state: "queued" });
    expect(fetch.requests[0]).toMatchObject({
      method: "GET",
      url: `${BASE}/api/v1/job/query?id=job%2Fwith%20spaces%26odd%3Dchars`,
      headers: { authorization: `Bearer ${KEY}` },
    });
  });

  it("maps status 1 to running and 2 to succeeded with every image", async () => {
    expect(await provider({ json: fixture.json("query-running") }).shortapi.poll(poll)).toEqual({
      state: "running",
    });
    expect(await provider({ json: fixture.json("query-succeeded") }).shortapi.poll(poll)).toEqual({
      state: "succeeded",
      outputs: [
        { url: "https://cdn.shortapi.ai/results/job_01HZX3K9Q7ZIMAGE/0.png" },
        { url: "https://cdn.shortapi.ai/results/job_01HZX3K9Q7ZIMAGE/1.png" },
      ],
    });
  });

  it("maps status 3 to a failed job, refunded ⇒ not charged", async () => {
    const result = await provider({ json: fixture.json("query-failed") }).shortapi.poll(poll);
    expect(result.state).toBe("failed");
    if (result.state !== "failed") return;
    expect(result.error).toMatchObject({
      code: "provider_error",
      message: "shortapi: upstream model timed out",
      charged: false,
      retryable: false,
    });
  });

  it("recognises a content-policy failure", async () => {
    const result = await provider({ json: fixture.json("query-failed-content-policy") }).shortapi.poll(poll);
    expect(result).toMatchObject({ state: "failed", error: { code: "content_policy" } });
  });

  it("treats any other number ≥ 3 as failed, with data.message as the reason", async () => {
    const result = await provider({ json: fixture.json("query-failed-message-only") }).shortapi.poll(poll);
    expect(result).toMatchObject({
      state: "failed",
      error: { code: "provider_error", message: "shortapi: job cancelled by system" },
    });
  });

  it("accepts string statuses, and fails unknown ones as unknown_status", async () => {
    expect(await provider({ json: fixture.json("query-succeeded-string") }).shortapi.poll(poll)).toEqual({
      state: "succeeded",
      outputs: [{ url: "https://cdn.shortapi.ai/results/s/0.png" }],
    });
    expect(await provider({ json: fixture.json("query-failed-string") }).shortapi.poll(poll)).toMatchObject({
      state: "failed",
      error: { code: "provider_error", message: "shortapi: job failed (status cancelled)" },
    });
    expect(await provider({ json: fixture.json("query-unknown-status") }).shortapi.poll(poll)).toMatchObject({
      state: "failed",
      error: { code: "unknown_status", message: 'shortapi: unknown status "paused"' },
    });
  });

  it("fails a success without images rather than storing nothing", async () => {
    expect(
      await provider({ json: fixture.json("query-succeeded-no-images") }).shortapi.poll(poll),
    ).toMatchObject({
      state: "failed",
      error: { code: "provider_error" },
    });
  });

  it("maps an unknown job id to not_found, as a 404 or as an envelope on 200", async () => {
    const on404 = await rejection(
      provider({ status: 404, json: fixture.json("error-job-not-found") }).shortapi.poll(poll),
    );
    expect(on404).toMatchObject({
      code: "not_found",
      message: "shortapi: job not found (404)",
      retryable: false,
    });
    const on200 = await rejection(
      provider({ json: fixture.json("error-job-not-found") }).shortapi.poll(poll),
    );
    expect(on200).toMatchObject({ code: "not_found", message: "shortapi: job not found" });
  });

  it("reports a dropped poll as retryable and not outcome-unknown (polling is safe to repeat)", async () => {
    const error = await rejection(provider({ throws: socketError("ECONNRESET") }).shortapi.poll(poll));
    expect(error).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: false });
  });

  it("rejects a query answer without data.status as malformed", async () => {
    const error = await rejection(provider({ json: { code: 0, data: {} } }).shortapi.poll(poll));
    expect(error).toMatchObject({ code: "malformed_response", retryable: false });
    expect(error.message).toContain("data.status");
  });
});
