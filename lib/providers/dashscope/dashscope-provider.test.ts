import { describe, expect, it } from "vitest";
import { fixtureLoader, rejection, replayFetch, socketError, type Reply } from "@/lib/testing/replay-fetch";
import { createDashscopeProvider } from "./dashscope-provider";

const fixture = fixtureLoader(import.meta.dirname);
const shared = fixtureLoader(`${import.meta.dirname}/..`);
const KEY = "sk-dashscope-test";
const BASE = "https://dashscope-intl.aliyuncs.com/api/v1";

function provider(...replies: Reply[]) {
  const fetch = replayFetch(...replies);
  return { fetch, dashscope: createDashscopeProvider({ apiKey: KEY, baseUrl: BASE, fetch }) };
}

const input = {
  modelId: "dashscope/z-image-turbo",
  prompt: "an orange cat",
  inputImages: [],
  params: { size: "1024*1024", prompt_extend: true, seed: 42 },
};

describe("DashScope submit", () => {
  it("POSTs the multimodal body with bearer auth and returns the image synchronously", async () => {
    const { dashscope, fetch } = provider({ json: fixture.json("generation-success") });
    const result = await dashscope.submit(input);
    expect(result).toEqual({
      state: "done",
      providerJobId: "abf1645b-b630-433a-92f6-0123456789ab",
      outputs: [
        {
          url: "https://dashscope-result-sgp.oss-ap-southeast-1.aliyuncs.com/xxx.png?Expires=1774958400",
          width: 1024,
          height: 1024,
        },
      ],
      revisedPrompt: "Photo of a stylish young woman...",
    });
    const request = fetch.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${BASE}/services/aigc/multimodal-generation/generation`);
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      "content-type": "application/json",
    });
    expect(request?.headers["x-dashscope-async"]).toBeUndefined();
    expect(request?.body).toEqual({
      model: "z-image-turbo",
      input: { messages: [{ role: "user", content: [{ text: "an orange cat" }] }] },
      parameters: { size: "1024*1024", prompt_extend: true, seed: 42 },
    });
  });

  it("always sends size (schema default) and omits an absent seed", async () => {
    const { dashscope, fetch } = provider({ json: fixture.json("generation-success-image-only") });
    const result = await dashscope.submit({ ...input, params: {} });
    expect(fetch.requests[0]?.body).toMatchObject({
      parameters: { size: "1024*1024", prompt_extend: false },
    });
    expect(fetch.requests[0]?.body).not.toHaveProperty("parameters.seed");
    expect(result).toMatchObject({ state: "done", outputs: [{ width: 832, height: 1248 }] });
    expect(result).not.toHaveProperty("revisedPrompt");
  });

  it("sends an edit's input images, in order, before the prompt", async () => {
    const { dashscope, fetch } = provider({ json: fixture.json("generation-success") });
    const inputImages = ["https://prism.example/api/inputs/a/file", "data:image/png;base64,iVBORw0KGgo="];
    await dashscope.submit({ ...input, inputImages });
    expect(fetch.requests[0]?.body).toMatchObject({
      input: {
        messages: [
          {
            role: "user",
            content: [{ image: inputImages[0] }, { image: inputImages[1] }, { text: "an orange cat" }],
          },
        ],
      },
    });
  });

  it("finds the image whatever the content order", async () => {
    expect(
      await provider({ json: fixture.json("generation-success-text-first") }).dashscope.submit(input),
    ).toEqual({
      state: "done",
      providerJobId: "c0ffee00-b630-433a-92f6-0123456789ab",
      outputs: [
        {
          url: "https://dashscope-result-sgp.oss-ap-southeast-1.aliyuncs.com/yyy.png?Expires=1774958400",
          width: 1280,
          height: 720,
        },
      ],
      revisedPrompt: "A sitting orange cat, warm light, photorealistic",
    });
  });

  it("flags a 200 without an image as malformed with an unknown outcome", async () => {
    const error = await rejection(
      provider({ json: fixture.json("generation-no-image") }).dashscope.submit(input),
    );
    expect(error).toMatchObject({ code: "malformed_response", outcomeUnknown: true, retryable: false });
  });

  it("rejects an invalid size before any network call", async () => {
    const { dashscope, fetch } = provider();
    const error = await rejection(dashscope.submit({ ...input, params: { size: "4096*4096" } }));
    expect(error).toMatchObject({ code: "invalid_request" });
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    [
      "DataInspectionFailed",
      400,
      "error-data-inspection-failed",
      "content_policy",
      "DashScope: content inspection failed (DataInspectionFailed): Input data may contain inappropriate content.",
      false,
    ],
    [
      "Throttling.RateQuota",
      429,
      "error-throttling-rate-quota",
      "rate_limited",
      "DashScope: Requests rate limit exceeded, please try again later. (Throttling.RateQuota)",
      true,
    ],
    [
      "InvalidApiKey",
      401,
      "error-invalid-api-key",
      "unauthorized",
      "DashScope: Invalid API-key provided. (InvalidApiKey)",
      false,
    ],
    [
      "InvalidParameter",
      400,
      "error-invalid-parameter",
      "invalid_request",
      "DashScope: Size is out of range [512*512, 2048*2048] (InvalidParameter)",
      false,
    ],
    [
      "InternalError",
      500,
      "error-internal",
      "provider_error",
      "DashScope: An internal error has occured, please try again later. (InternalError)",
      true,
    ],
    [
      "AccessDenied",
      403,
      "error-access-denied-async",
      "unauthorized",
      "DashScope: current user api does not support asynchronous calls (AccessDenied)",
      false,
    ],
    [
      "Arrearage",
      400,
      "error-arrearage",
      "insufficient_balance",
      "DashScope: Access denied, please make sure your account is in good standing. (Arrearage)",
      false,
    ],
    [
      "ModelNotFound",
      404,
      "error-model-not-found",
      "not_found",
      "DashScope: Model not exist. (ModelNotFound)",
      false,
    ],
  ] as const)("maps %s", async (_name, status, name, code, message, retryable) => {
    const error = await rejection(provider({ status, json: fixture.json(name) }).dashscope.submit(input));
    expect(error).toMatchObject({ provider: "dashscope", code, message, retryable, status });
  });

  it("keeps Retry-After on a throttled call", async () => {
    const error = await rejection(
      provider({
        status: 429,
        json: fixture.json("error-throttling-rate-quota"),
        headers: { "Retry-After": "1" },
      }).dashscope.submit(input),
    );
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 1 });
  });

  it("tolerates a refusal reported on HTTP 200", async () => {
    const error = await rejection(
      provider({ json: fixture.json("error-data-inspection-failed") }).dashscope.submit(input),
    );
    expect(error).toMatchObject({ code: "content_policy" });
  });

  it("maps an HTML 502 to a retryable malformed_response", async () => {
    const error = await rejection(
      provider({ status: 502, text: shared.text("gateway-502.html") }).dashscope.submit(input),
    );
    expect(error).toMatchObject({ code: "malformed_response", retryable: true, status: 502 });
  });

  it("marks a drop or timeout during the generating POST as outcome-unknown", async () => {
    const dropped = await rejection(provider({ throws: socketError("ECONNRESET") }).dashscope.submit(input));
    expect(dropped).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
    const fetch = replayFetch({ hang: true });
    const slow = createDashscopeProvider({ apiKey: KEY, baseUrl: BASE, fetch, timeoutMs: 20 });
    expect(await rejection(slow.submit(input))).toMatchObject({ code: "timeout", outcomeUnknown: true });
  });
});

describe("DashScope poll", () => {
  it("throws a clear error: the model is synchronous", async () => {
    const { dashscope, fetch } = provider();
    const error = await rejection(dashscope.poll({ modelId: "dashscope/z-image-turbo", providerJobId: "x" }));
    expect(error).toMatchObject({ code: "invalid_request", retryable: false });
    expect(error.message).toMatch(/^DashScope: .*synchronous/);
    expect(fetch.requests).toHaveLength(0);
  });
});
