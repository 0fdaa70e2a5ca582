import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InputImageServer, meanColour, startInputImageServer } from "@/lib/testing/input-image-server";
import { KEY, setUpSimulatorWithReceiver } from "@/lib/testing/simulator-fixture";
import { imageInfo } from "@/lib/testing/test-images";
import { waitFor } from "@/lib/testing/wait-for";

interface Envelope {
  code: number;
  message?: string;
  info?: string;
  data: {
    amount?: string;
    job_id: string;
    status: number;
    result: { images: { url: string }[] } | null;
    error?: string;
    refunded?: boolean;
  };
}

const fixture = setUpSimulatorWithReceiver();

async function create(body: unknown, key: string | null = KEY) {
  const response = await fetch(`${fixture.simulator.urls.shortapi}/api/v1/job/create`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Envelope };
}

async function query(id: string) {
  const response = await fetch(
    `${fixture.simulator.urls.shortapi}/api/v1/job/query?id=${encodeURIComponent(id)}`,
    {
      headers: { authorization: `Bearer ${KEY}` },
    },
  );
  return { status: response.status, body: (await response.json()) as Envelope };
}

async function runToEnd(id: string) {
  const seen: number[] = [];
  const final = await waitFor(
    () => query(id),
    (result) => {
      seen.push(result.body.data.status);
      return result.body.data.status >= 2;
    },
  );
  return { final, seen };
}

describe("shortapi simulator", () => {
  it.each([
    {
      name: "z-image 16:9 1K x2",
      model: "shortapi/z-image/text-to-image",
      args: { prompt: "a lighthouse", aspect_ratio: "16:9", num_images: 2 },
      amount: "0.007373",
      count: 2,
      size: [1280, 720],
    },
    {
      name: "z-image 1:1 1.5K",
      model: "shortapi/z-image/text-to-image",
      args: { prompt: "a lighthouse", aspect_ratio: "1:1", resolution: "1.5K", enable_nsfw: false },
      amount: "0.006554",
      count: 1,
      size: [1280, 1280],
    },
    {
      name: "flux 9:16 schnell x4",
      model: "shortapi/flux-1.0/text-to-image",
      args: { prompt: "a lighthouse", aspect_ratio: "9:16", num_images: 4, performance: "schnell" },
      amount: "0.002",
      count: 4,
      size: [720, 1280],
    },
    {
      name: "gpt-image-2 auto",
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "a lighthouse" },
      amount: "0.06",
      count: 1,
      size: [1024, 1024],
    },
    {
      name: "gpt-image-2 1536x1024",
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "a lighthouse", size: "1536x1024" },
      amount: "0.06",
      count: 1,
      size: [1536, 1024],
    },
  ])("runs $name to downloadable PNGs", async ({ model, args, amount, count, size }) => {
    const created = await create({ model, args });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ code: 0, data: { amount, job_id: expect.any(String) } });

    const { final, seen } = await runToEnd(created.body.data.job_id);
    expect(seen).toEqual([...seen].sort());
    expect(final.body.data.status).toBe(2);
    const images = final.body.data.result?.images ?? [];
    expect(images).toHaveLength(count);
    for (const { url } of images) {
      const info = await imageInfo(url);
      expect(info.status).toBe(200);
      expect(info.contentType).toBe("image/png");
      expect([...info.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect([info.width, info.height]).toEqual(size);
    }
  });

  it("reports a new job as queued with no result", async () => {
    await fixture.simulator.control.settings({ stepMs: 60_000 });
    const created = await create({
      model: "shortapi/z-image/text-to-image",
      args: { prompt: "x", aspect_ratio: "1:1" },
    });
    const result = await query(created.body.data.job_id);
    expect(result.body).toEqual({
      code: 0,
      data: { job_id: created.body.data.job_id, status: 0, result: null },
    });
  });

  it("accepts num_images as a numeric string", async () => {
    const created = await create({
      model: "shortapi/z-image/text-to-image",
      args: { prompt: "x", aspect_ratio: "1:1", num_images: "3" },
    });
    expect(created.body.code).toBe(0);
  });

  it.each([
    [
      "unknown model",
      { model: "shortapi/nope", args: { prompt: "x" } },
      { code: 400, info: "invalid model: shortapi/nope" },
    ],
    [
      "missing args",
      { model: "openai/gpt-image-2/text-to-image" },
      { code: 400, message: "args is required" },
    ],
    [
      "z-image without aspect_ratio",
      { model: "shortapi/z-image/text-to-image", args: { prompt: "x" } },
      { code: 400, message: "aspect_ratio is required" },
    ],
    [
      "flux with 3 images",
      { model: "shortapi/flux-1.0/text-to-image", args: { prompt: "x", aspect_ratio: "1:1", num_images: 3 } },
      { code: 400, message: "num_images must be one of: 1, 2, 4, 8" },
    ],
    [
      "lowercase resolution",
      {
        model: "shortapi/z-image/text-to-image",
        args: { prompt: "x", aspect_ratio: "1:1", resolution: "1.5k" },
      },
      { code: 400, message: "resolution must be one of: 1K, 1.5K" },
    ],
    [
      "bad performance",
      {
        model: "shortapi/flux-1.0/text-to-image",
        args: { prompt: "x", aspect_ratio: "1:1", performance: "pro" },
      },
      { code: 400, message: "performance must be one of: schnell, dev" },
    ],
    [
      "gpt-image-2 with aspect_ratio",
      { model: "openai/gpt-image-2/text-to-image", args: { prompt: "x", aspect_ratio: "1:1" } },
      { code: 400, message: "aspect_ratio is not a supported parameter" },
    ],
    [
      "gpt-image-2 with a bad size",
      { model: "openai/gpt-image-2/text-to-image", args: { prompt: "x", size: "512x512" } },
      { code: 400, message: "size must be one of: 1024x1024, 1536x1024, 1024x1536, auto" },
    ],
    [
      "empty prompt",
      { model: "openai/gpt-image-2/text-to-image", args: { prompt: " " } },
      { code: 400, message: "prompt must be a non-empty string" },
    ],
    [
      "bad callback_url",
      { model: "openai/gpt-image-2/text-to-image", args: { prompt: "x" }, callback_url: "ftp://x" },
      { code: 400, message: "callback_url must be an http(s) URL" },
    ],
  ])("refuses %s with HTTP 400", async (_name, body, expected) => {
    const result = await create(body);
    expect(result.status).toBe(400);
    expect(result.body).toEqual(expected);
  });

  it("can refuse with HTTP 200 and a non-zero code instead", async () => {
    await fixture.simulator.control.settings({ shortapiErrors: "envelope" });
    const result = await create({ model: "shortapi/z-image/text-to-image", args: { prompt: "x" } });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ code: 400, message: "aspect_ratio is required" });
    const unknown = await query("nope");
    expect(unknown).toEqual({ status: 200, body: { code: 404, message: "job not found" } });
  });

  it("answers 404 for an unknown job", async () => {
    expect(await query("nope")).toEqual({ status: 404, body: { code: 404, message: "job not found" } });
  });

  it("answers 401 without a key or with a key it does not accept", async () => {
    const body = { model: "openai/gpt-image-2/text-to-image", args: { prompt: "x" } };
    expect(await create(body, null)).toEqual({ status: 401, body: { code: 401, message: "Unauthorized" } });
    await fixture.simulator.control.settings({ apiKeys: ["the-right-key"] });
    expect(await create(body, "wrong")).toEqual({
      status: 401,
      body: { code: 401, message: "Unauthorized" },
    });
    expect((await create(body, "the-right-key")).status).toBe(200);
  });

  it.each(["content_policy", "error", "failed"] as const)(
    "ends a job with the %s outcome as status 3, refunded",
    async (outcome) => {
      await fixture.simulator.control.outcome({ provider: "shortapi", outcome });
      const created = await create({ model: "openai/gpt-image-2/text-to-image", args: { prompt: "x" } });
      const { final } = await runToEnd(created.body.data.job_id);
      expect(final.body.data).toMatchObject({
        status: 3,
        result: null,
        refunded: true,
        error: expect.any(String),
      });
    },
  );

  it("fails prompts containing [sim:fail] on content policy", async () => {
    const created = await create({
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "a cat [sim:fail]" },
    });
    const { final } = await runToEnd(created.body.data.job_id);
    expect(final.body.data.status).toBe(3);
    expect(final.body.data.error).toMatch(/content policy/);
  });

  it("POSTs the query envelope to callback_url on the terminal state", async () => {
    const created = await create({
      model: "shortapi/z-image/text-to-image",
      args: { prompt: "x", aspect_ratio: "1:1" },
      callback_url: fixture.receiver.url,
    });
    const id = created.body.data.job_id;
    await waitFor(
      async () => fixture.receiver.received.length,
      (count) => count === 1,
    );
    expect(fixture.receiver.received[0]).toEqual((await query(id)).body);
    expect(fixture.receiver.received[0]).toMatchObject({ code: 0, data: { job_id: id, status: 2 } });
  });

  it("retries a failing callback receiver when callbackAttempts asks for it", async () => {
    await fixture.simulator.control.settings({ callbackAttempts: 3 });
    fixture.receiver.statuses.push(500, 503);
    const created = await create({
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "x" },
      callback_url: fixture.receiver.url,
    });
    await waitFor(
      async () => fixture.receiver.received.length,
      (count) => count === 3,
    );
    // Refused twice (500, 503), then accepted: the same terminal envelope each time.
    expect(fixture.receiver.statuses).toEqual([]);
    const [first, ...retries] = fixture.receiver.received;
    expect(first).toMatchObject({ code: 0, data: { job_id: created.body.data.job_id, status: 2 } });
    expect(retries).toEqual([first, first]);
  });

  it("sends duplicate callbacks when callbackCopies asks for them", async () => {
    await fixture.simulator.control.settings({ callbackCopies: 2, callbackDelayMs: 5 });
    await create({
      model: "openai/gpt-image-2/text-to-image",
      args: { prompt: "x" },
      callback_url: fixture.receiver.url,
    });
    await waitFor(
      async () => fixture.receiver.received.length,
      (count) => count === 2,
    );
    expect(fixture.receiver.received[0]).toEqual(fixture.receiver.received[1]);
  });
});

describe("shortapi simulator, edit models", () => {
  let inputs: InputImageServer;
  beforeAll(async () => {
    inputs = await startInputImageServer();
  });
  afterAll(() => inputs.close());

  async function outputColour(id: string) {
    const { final } = await runToEnd(id);
    const [image] = final.body.data.result?.images ?? [];
    return meanColour((await imageInfo(image!.url)).bytes);
  }

  it("gpt-image-2 edit fetches every input and derives its output from the last one", async () => {
    const created = await create({
      model: "openai/gpt-image-2/edit",
      args: { prompt: "make it glow", images: [inputs.url("blue"), inputs.url("red")] },
    });
    expect(created.body).toMatchObject({ code: 0, data: { amount: "0.06" } });
    expect(inputs.requested).toEqual(expect.arrayContaining(["/blue.png", "/red.png"]));
    const colour = await outputColour(created.body.data.job_id);
    expect(colour.r).toBeGreaterThan(colour.b + 40);
  });

  it("FLUX image-to-image derives its outputs from image_url at the asked aspect ratio", async () => {
    const created = await create({
      model: "shortapi/flux-1.0/image-to-image",
      args: { prompt: "p", image_url: inputs.url("blue"), aspect_ratio: "1:1", performance: "schnell" },
    });
    expect(created.body.data.amount).toBe("0.002");
    const { final } = await runToEnd(created.body.data.job_id);
    const info = await imageInfo(final.body.data.result!.images[0]!.url);
    expect(info.width).toBe(info.height);
    const colour = await meanColour(info.bytes);
    expect(colour.b).toBeGreaterThan(colour.r + 40);
  });

  it("fails the job, refunded, when it cannot fetch an input", async () => {
    const created = await create({
      model: "openai/gpt-image-2/edit",
      args: { prompt: "p", images: [inputs.url("red"), inputs.url("missing")] },
    });
    const { final } = await runToEnd(created.body.data.job_id);
    expect(final.body.data).toMatchObject({
      status: 3,
      error: "could not fetch input image 2: it could not be downloaded (HTTP 404)",
      refunded: true,
    });
  });

  it.each([
    ["gpt-image-2 edit without images", { model: "openai/gpt-image-2/edit", args: { prompt: "p" } }],
    [
      "gpt-image-2 edit with 17 images",
      {
        model: "openai/gpt-image-2/edit",
        args: { prompt: "p", images: Array(17).fill("https://x.test/a.png") },
      },
    ],
    [
      "gpt-image-2 edit with a data URI",
      { model: "openai/gpt-image-2/edit", args: { prompt: "p", images: ["data:image/png;base64,AA=="] } },
    ],
    [
      "FLUX image-to-image without image_url",
      { model: "shortapi/flux-1.0/image-to-image", args: { prompt: "p", aspect_ratio: "1:1" } },
    ],
    [
      "FLUX image-to-image without aspect_ratio",
      { model: "shortapi/flux-1.0/image-to-image", args: { prompt: "p", image_url: "https://x.test/a.png" } },
    ],
  ])("refuses %s with 400", async (_name, body) => {
    const result = await create(body);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 400, message: expect.any(String) });
  });
});
