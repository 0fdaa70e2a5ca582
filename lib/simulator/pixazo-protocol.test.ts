import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PIXAZO_SUBMIT_PATHS } from "@/lib/providers/pixazo/wire";
import { type InputImageServer, meanColour, startInputImageServer } from "@/lib/testing/input-image-server";
import { KEY, setUpSimulatorWithReceiver } from "@/lib/testing/simulator-fixture";
import { imageInfo } from "@/lib/testing/test-images";
import { waitFor } from "@/lib/testing/wait-for";

type Json = Record<string, unknown> & { output?: { media_url: string[]; media_type: string } | null };

const fixture = setUpSimulatorWithReceiver();

const TURBO = "/z-image-turbo-834/v1/z-image-turbo-request";
const BASE = "/z-image-base/v1/z-image-base-request";

async function submit(
  path: string,
  body: unknown,
  headers: Record<string, string> = { "ocp-apim-subscription-key": KEY },
) {
  const response = await fetch(`${fixture.simulator.urls.pixazo}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cache-control": "no-cache", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function status(url: string, key: string | null = KEY) {
  const response = await fetch(url, { headers: key ? { "ocp-apim-subscription-key": key } : {} });
  return { status: response.status, body: (await response.json()) as Json };
}

async function runToEnd(pollingUrl: string) {
  const seen: unknown[] = [];
  const final = await waitFor(
    () => status(pollingUrl),
    (result) => {
      seen.push(result.body.status);
      return !["QUEUED", "PROCESSING"].includes(String(result.body.status));
    },
  );
  return { final, seen };
}

describe("pixazo simulator", () => {
  it.each([
    {
      name: "turbo, landscape_4_3, jpeg x2",
      path: TURBO,
      modelId: "z-image-turbo-834",
      body: {
        prompt: "a fox",
        image_size: "landscape_4_3",
        num_inference_steps: 8,
        num_images: 2,
        output_format: "jpeg",
        acceleration: "none",
        enable_safety_checker: true,
      },
      format: "jpeg",
      magic: [0xff, 0xd8, 0xff],
      size: [1024, 768],
    },
    {
      name: "base, portrait_9_16, webp",
      path: BASE,
      modelId: "z-image-base",
      body: {
        prompt: "a fox",
        image_size: "portrait_9_16",
        num_inference_steps: 28,
        guidance_scale: 4.5,
        output_format: "webp",
        acceleration: "ultra_fast",
      },
      format: "webp",
      magic: [0x52, 0x49, 0x46, 0x46],
      size: [576, 1024],
    },
    {
      name: "base, minimal body (png default)",
      path: BASE,
      modelId: "z-image-base",
      body: { prompt: "a fox", image_size: "square_1_1" },
      format: "png",
      magic: [0x89, 0x50, 0x4e, 0x47],
      size: [1024, 1024],
    },
  ])("runs $name to downloadable images", async ({ path, modelId, body, format, magic, size }) => {
    const submitted = await submit(path, body);
    expect(submitted.status).toBe(202);
    const requestId = String(submitted.body.request_id);
    expect(requestId).toMatch(
      new RegExp(`^${modelId}_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
    );
    expect(submitted.body).toEqual({
      request_id: requestId,
      status: "QUEUED",
      polling_url: `${fixture.simulator.urls.pixazo}/v2/requests/status/${requestId}`,
    });

    const { final, seen } = await runToEnd(String(submitted.body.polling_url));
    expect(seen.at(-1)).toBe("COMPLETED");
    expect(final.body).toMatchObject({
      request_id: requestId,
      status: "COMPLETED",
      model_id: modelId,
      error: null,
      output: { media_type: "application/octet-stream" },
      created_at: expect.any(String),
      updated_at: expect.any(String),
      completed_at: expect.any(String),
    });
    const urls = final.body.output?.media_url ?? [];
    expect(urls).toHaveLength(Number((body as { num_images?: number }).num_images ?? 1));
    for (const url of urls) {
      const info = await imageInfo(url);
      expect(info.contentType).toBe("application/octet-stream");
      expect([...info.bytes.subarray(0, magic.length)]).toEqual(magic);
      expect(info.format).toBe(format);
      expect([info.width, info.height]).toEqual(size);
    }
  });

  it("reports QUEUED with output null before anything ran", async () => {
    await fixture.simulator.control.settings({ stepMs: 60_000 });
    const submitted = await submit(TURBO, { prompt: "x", image_size: "square_1_1" });
    const result = await status(String(submitted.body.polling_url));
    expect(result.body).toMatchObject({ status: "QUEUED", output: null, error: null, completed_at: null });
  });

  it.each([
    [TURBO, { image_size: "square_1_1" }, "prompt is required"],
    [TURBO, { prompt: "x" }, "image_size is required"],
    [
      TURBO,
      { prompt: "x", image_size: "square" },
      "image_size must be one of: square_1_1, landscape_4_3, portrait_3_4, landscape_16_9, portrait_9_16",
    ],
    [
      TURBO,
      { prompt: "x", image_size: "square_1_1", num_inference_steps: 51 },
      "num_inference_steps must be an integer from 1 to 50",
    ],
    [
      TURBO,
      { prompt: "x", image_size: "square_1_1", acceleration: "fast" },
      "acceleration must be one of: none",
    ],
    [
      TURBO,
      { prompt: "x", image_size: "square_1_1", guidance_scale: 4 },
      "guidance_scale is not a supported parameter",
    ],
    [
      TURBO,
      { prompt: "x", image_size: "square_1_1", num_images: 5 },
      "num_images must be an integer from 1 to 4",
    ],
    [
      BASE,
      { prompt: "x", image_size: "square_1_1", num_inference_steps: 9 },
      "num_inference_steps must be an integer from 10 to 100",
    ],
    [
      BASE,
      { prompt: "x", image_size: "square_1_1", guidance_scale: 20.5 },
      "guidance_scale must be a number from 1 to 20",
    ],
    [
      BASE,
      { prompt: "x", image_size: "square_1_1", output_format: "gif" },
      "output_format must be one of: png, jpeg, webp",
    ],
    [
      BASE,
      { prompt: "x", image_size: "square_1_1", acceleration: "none" },
      "acceleration must be one of: regular, fast, ultra_fast",
    ],
    [
      BASE,
      { prompt: "x", image_size: "square_1_1", enable_safety_checker: "yes" },
      "enable_safety_checker must be a boolean",
    ],
  ])("refuses %s %j with 400", async (path, body, message) => {
    expect(await submit(path, body)).toEqual({ status: 400, body: { error: "Bad Request", message } });
  });

  it("answers APIM 401s for a missing or an invalid key, on submit and on status", async () => {
    const missing = await submit(TURBO, { prompt: "x", image_size: "square_1_1" }, {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      statusCode: 401,
      message: expect.stringContaining("missing subscription key"),
    });

    const submitted = await submit(TURBO, { prompt: "x", image_size: "square_1_1" });
    const url = String(submitted.body.polling_url);
    expect((await status(url, null)).status).toBe(401);

    await fixture.simulator.control.settings({ apiKeys: ["right"] });
    const invalid = await status(url, "wrong");
    expect(invalid.status).toBe(401);
    expect(invalid.body).toEqual({
      statusCode: 401,
      message: expect.stringContaining("invalid subscription key"),
    });
  });

  it("answers 404 for an unknown request id", async () => {
    const result = await status(`${fixture.simulator.urls.pixazo}/v2/requests/status/z-image-base_nope`);
    expect(result).toEqual({
      status: 404,
      body: { error: "Not Found", message: "Request 'z-image-base_nope' not found." },
    });
  });

  it.each([
    ["content_policy", "FAILED"],
    ["failed", "FAILED"],
    ["error", "ERROR"],
  ] as const)("ends a %s outcome as %s with an error string", async (outcome, expected) => {
    await fixture.simulator.control.outcome({ provider: "pixazo", outcome });
    const submitted = await submit(BASE, { prompt: "x", image_size: "square_1_1" });
    const { final } = await runToEnd(String(submitted.body.polling_url));
    expect(final.body).toMatchObject({ status: expected, output: null, error: expect.any(String) });
  });

  it("POSTs the terminal status object to X-Webhook-URL", async () => {
    const submitted = await submit(
      TURBO,
      { prompt: "x [sim:fail]", image_size: "square_1_1" },
      { "ocp-apim-subscription-key": KEY, "x-webhook-url": fixture.receiver.url },
    );
    await waitFor(
      async () => fixture.receiver.received.length,
      (count) => count === 1,
    );
    const final = await status(String(submitted.body.polling_url));
    expect(fixture.receiver.received).toEqual([final.body]);
    expect(final.body.status).toBe("FAILED");
  });
});

describe("pixazo simulator, Qwen Image Edit", () => {
  const EDIT = PIXAZO_SUBMIT_PATHS["qwen-image-edit"];
  let inputs: InputImageServer;
  beforeAll(async () => {
    inputs = await startInputImageServer();
  });
  afterAll(() => inputs.close());

  const editBody = (image: unknown, extra: Record<string, unknown> = {}) => ({
    model: "qwen-image-edit",
    input: { messages: [{ role: "user", content: [{ image }, { text: "make it glow" }] }] },
    parameters: { watermark: false },
    ...extra,
  });

  it("fetches the input and derives its output from it, at the input's aspect ratio", async () => {
    const submitted = await submit(EDIT, editBody(inputs.url("red")));
    expect(submitted).toMatchObject({ status: 202, body: { status: "QUEUED" } });
    expect(inputs.requested).toContain("/red.png");
    const { final } = await runToEnd(String(submitted.body.polling_url));
    expect(final.body.status).toBe("COMPLETED");
    const info = await imageInfo(final.body.output!.media_url[0]!);
    expect(info.width! / info.height!).toBeCloseTo(2, 1);
    const colour = await meanColour(info.bytes);
    expect(colour.r).toBeGreaterThan(colour.b + 40);
  });

  it("fails the request, saying why, when it cannot fetch the input", async () => {
    const submitted = await submit(EDIT, editBody(inputs.url("missing")));
    const { final } = await runToEnd(String(submitted.body.polling_url));
    expect(final.body).toMatchObject({
      status: "FAILED",
      error: "could not fetch input image 1: it could not be downloaded (HTTP 404)",
      output: null,
    });
  });

  it.each([
    [
      "no image",
      { model: "qwen-image-edit", input: { messages: [{ role: "user", content: [{ text: "p" }] }] } },
    ],
    ["a data URI", editBody("data:image/png;base64,AA==")],
    ["another model", editBody("https://x.test/a.png", { model: "qwen-image-max" })],
    ["a flat prompt field", editBody("https://x.test/a.png", { prompt: "p" })],
    ["an unknown parameter", editBody("https://x.test/a.png", { parameters: { n: 2 } })],
  ])("refuses %s with 400", async (_name, body) => {
    const result = await submit(EDIT, body);
    expect(result).toMatchObject({
      status: 400,
      body: { error: "Bad Request", message: expect.any(String) },
    });
  });
});
