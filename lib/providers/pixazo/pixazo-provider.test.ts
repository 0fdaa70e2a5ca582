import { describe, expect, it } from "vitest";
import { fixtureLoader, rejection, replayFetch, socketError, type Reply } from "@/lib/testing/replay-fetch";
import { createPixazoProvider } from "./pixazo-provider";

const fixture = fixtureLoader(import.meta.dirname);
const shared = fixtureLoader(`${import.meta.dirname}/..`);
const KEY = "pixazo-test-key";
const BASE = "https://gateway.pixazo.ai";
const TURBO_ID = "z-image-turbo-834_019d4c2e-7b1a-7c3e-9f00-0a1b2c3d4e5f";

function provider(...replies: Reply[]) {
  const fetch = replayFetch(...replies);
  return { fetch, pixazo: createPixazoProvider({ apiKey: KEY, baseUrl: BASE, fetch }) };
}

const turbo = {
  modelId: "pixazo/z-image-turbo",
  prompt: "a lighthouse at dusk",
  inputImages: [],
  params: { image_size: "landscape_16_9" },
};
const base = {
  modelId: "pixazo/z-image-base",
  prompt: "a lighthouse at dusk",
  inputImages: [],
  params: {
    image_size: "square_1_1",
    num_inference_steps: 40,
    guidance_scale: 5.5,
    num_images: 2,
    acceleration: "fast",
  },
};

describe("pixazo submit", () => {
  it("POSTs Turbo to its endpoint with the subscription key and schema defaults, and keeps polling_url", async () => {
    const { pixazo, fetch } = provider({ status: 202, json: fixture.json("submit-accepted") });
    const result = await pixazo.submit(turbo);
    expect(result).toEqual({
      state: "pending",
      providerJobId: TURBO_ID,
      pollingUrl: `${BASE}/v2/requests/status/${TURBO_ID}`,
    });
    const request = fetch.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${BASE}/z-image-turbo-834/v1/z-image-turbo-request`);
    expect(request?.headers).toMatchObject({
      "ocp-apim-subscription-key": KEY,
      "content-type": "application/json",
      "cache-control": "no-cache",
    });
    expect(request?.headers["x-webhook-url"]).toBeUndefined();
    expect(request?.body).toEqual({
      prompt: "a lighthouse at dusk",
      image_size: "landscape_16_9",
      num_inference_steps: 8,
      num_images: 1,
      enable_safety_checker: true,
      output_format: "png",
      acceleration: "none",
    });
  });

  it("POSTs Base to its endpoint with every documented field and the webhook header", async () => {
    const { pixazo, fetch } = provider({ status: 202, json: fixture.json("submit-accepted-no-polling-url") });
    const result = await pixazo.submit({ ...base, callbackUrl: "https://prism.test/hooks/pixazo" });
    expect(result).toEqual({
      state: "pending",
      providerJobId: "z-image-base_019d4c2e-0000-7000-8000-000000000001",
      pollingUrl: undefined,
    });
    const request = fetch.requests[0];
    expect(request?.url).toBe(`${BASE}/z-image-base/v1/z-image-base-request`);
    expect(request?.headers["x-webhook-url"]).toBe("https://prism.test/hooks/pixazo");
    expect(request?.body).toEqual({
      prompt: "a lighthouse at dusk",
      image_size: "square_1_1",
      num_inference_steps: 40,
      guidance_scale: 5.5,
      num_images: 2,
      enable_safety_checker: true,
      output_format: "png",
      acceleration: "fast",
    });
  });

  it.each([
    [
      "402 insufficient balance",
      402,
      "error-insufficient-balance",
      "insufficient_balance",
      "pixazo: insufficient balance (402): Your wallet does not have enough balance.",
      false,
    ],
    [
      "400 model not found",
      400,
      "error-model-not-found",
      "invalid_request",
      "pixazo: Model 'z-image-turbo-834' not found or is disabled (400)",
      false,
    ],
    [
      "400 validation",
      400,
      "error-bad-request",
      "invalid_request",
      "pixazo: num_inference_steps must be between 1 and 50 (400)",
      false,
    ],
    [
      "401 from APIM",
      401,
      "error-unauthorized-apim",
      "unauthorized",
      "pixazo: Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription. (401)",
      false,
    ],
  ] as const)("maps %s", async (_name, status, name, code, message, retryable) => {
    const error = await rejection(provider({ status, json: fixture.json(name) }).pixazo.submit(turbo));
    expect(error).toMatchObject({ provider: "pixazo", code, message, retryable, status });
  });

  it("maps a bare 403 with no body by its status", async () => {
    const error = await rejection(provider({ status: 403, text: "" }).pixazo.submit(turbo));
    expect(error).toMatchObject({ code: "unauthorized", message: "pixazo: HTTP 403 (403)" });
  });

  it("maps a 429 to rate_limited, taking Retry-After from the header or else from APIM's text", async () => {
    const withHeader = await rejection(
      provider({
        status: 429,
        json: fixture.json("error-rate-limited-apim"),
        headers: { "Retry-After": "3" },
      }).pixazo.submit(turbo),
    );
    expect(withHeader).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 3 });
    const fromText = await rejection(
      provider({ status: 429, json: fixture.json("error-rate-limited-apim") }).pixazo.submit(turbo),
    );
    expect(fromText).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 7 });
  });

  it("maps a 500 JSON to a retryable provider_error and an HTML 502 to malformed_response", async () => {
    const json500 = await rejection(
      provider({
        status: 500,
        json: { error: "Internal Server Error", message: "cold start" },
      }).pixazo.submit(turbo),
    );
    expect(json500).toMatchObject({
      code: "provider_error",
      retryable: true,
      message: "pixazo: cold start (500)",
    });
    const html502 = await rejection(
      provider({ status: 502, text: shared.text("gateway-502.html") }).pixazo.submit(turbo),
    );
    expect(html502).toMatchObject({ code: "malformed_response", retryable: true, status: 502 });
  });

  it("rejects a 202 without request_id as malformed, outcome unknown", async () => {
    const error = await rejection(provider({ status: 202, json: { status: "QUEUED" } }).pixazo.submit(turbo));
    expect(error).toMatchObject({ code: "malformed_response", outcomeUnknown: true });
  });

  it("marks a submit timeout as outcome-unknown", async () => {
    const fetch = replayFetch({ hang: true });
    const pixazo = createPixazoProvider({ apiKey: KEY, baseUrl: BASE, fetch, timeoutMs: 20 });
    expect(await rejection(pixazo.submit(turbo))).toMatchObject({
      code: "timeout",
      retryable: true,
      outcomeUnknown: true,
    });
  });
});

describe("pixazo poll", () => {
  const poll = {
    modelId: "pixazo/z-image-turbo",
    providerJobId: TURBO_ID,
    pollingUrl: `${BASE}/v2/requests/status/${TURBO_ID}`,
  };

  it("GETs the polling_url with the key", async () => {
    const { pixazo, fetch } = provider({ json: fixture.json("status-queued") });
    expect(await pixazo.poll(poll)).toEqual({ state: "queued" });
    expect(fetch.requests[0]).toMatchObject({
      method: "GET",
      url: poll.pollingUrl,
      headers: { "ocp-apim-subscription-key": KEY },
    });
  });

  it("falls back to the universal status URL without a polling_url, or when it points at another host", async () => {
    const { pixazo, fetch } = provider(
      { json: fixture.json("status-processing") },
      { json: fixture.json("status-processing") },
    );
    expect(await pixazo.poll({ ...poll, pollingUrl: undefined })).toEqual({ state: "running" });
    expect(await pixazo.poll({ ...poll, pollingUrl: "https://evil.test/steal" })).toEqual({
      state: "running",
    });
    expect(fetch.requests.map((request) => request.url)).toEqual([
      `${BASE}/v2/requests/status/${TURBO_ID}`,
      `${BASE}/v2/requests/status/${TURBO_ID}`,
    ]);
  });

  it("maps COMPLETED to every media_url", async () => {
    expect(await provider({ json: fixture.json("status-completed") }).pixazo.poll(poll)).toEqual({
      state: "succeeded",
      outputs: [
        {
          url: "https://pub-582b7213209642b9b995c96c95a30381.r2.dev/v1/z-image-turbo-834_019d4c2e/output.ext",
        },
        {
          url: "https://pub-582b7213209642b9b995c96c95a30381.r2.dev/v1/z-image-turbo-834_019d4c2e/output-1.ext",
        },
      ],
    });
  });

  it("maps FAILED (safety wording) to content_policy and a plain FAILED to provider_error", async () => {
    expect(await provider({ json: fixture.json("status-failed") }).pixazo.poll(poll)).toMatchObject({
      state: "failed",
      error: {
        code: "content_policy",
        message: "pixazo: Image blocked by the safety checker (NSFW content detected)",
        retryable: false,
      },
    });
    const generic = await provider({ json: fixture.json("status-failed-generic") }).pixazo.poll(poll);
    expect(generic).toMatchObject({
      state: "failed",
      error: { code: "provider_error", message: "pixazo: Generation failed" },
    });
    if (generic.state === "failed") expect(generic.error.charged).toBeUndefined();
  });

  it("maps ERROR to provider_error, not charged", async () => {
    expect(await provider({ json: fixture.json("status-error") }).pixazo.poll(poll)).toMatchObject({
      state: "failed",
      error: {
        code: "provider_error",
        charged: false,
        message: "pixazo: Description of the error (not charged)",
      },
    });
  });

  it("fails an unknown status string as unknown_status", async () => {
    expect(await provider({ json: fixture.json("status-unknown") }).pixazo.poll(poll)).toMatchObject({
      state: "failed",
      error: { code: "unknown_status", message: 'pixazo: unknown status "ARCHIVED"' },
    });
  });

  it("maps an unknown request id (404) to not_found", async () => {
    const error = await rejection(
      provider({ status: 404, json: fixture.json("error-not-found") }).pixazo.poll(poll),
    );
    expect(error).toMatchObject({ code: "not_found", retryable: false, status: 404 });
  });

  it("reports truncated JSON and a dropped connection on poll as retryable-safe failures", async () => {
    const truncated = await rejection(provider({ status: 200, text: '{"status":"COMPL' }).pixazo.poll(poll));
    expect(truncated).toMatchObject({ code: "malformed_response", outcomeUnknown: false });
    const dropped = await rejection(provider({ throws: socketError("ECONNRESET") }).pixazo.poll(poll));
    expect(dropped).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: false });
  });
});
