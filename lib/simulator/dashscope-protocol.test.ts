import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { KEY } from "@/lib/testing/simulator-fixture";
import sharp from "sharp";
import { meanColour } from "@/lib/testing/input-image-server";
import { imageInfo } from "@/lib/testing/test-images";

interface GenerationBody {
  request_id: string;
  code?: string;
  message?: string;
  usage?: { width: number; height: number };
  output: { choices: { message: { content: { image?: string; text?: string }[] } }[] };
}

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, stepMs: 10 });
});
afterAll(() => simulator.close());
afterEach(() => simulator.control.reset());

function body(prompt: string, parameters?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    model: "z-image-turbo",
    input: { messages: [{ role: "user", content: [{ text: prompt }] }] },
    ...(parameters ? { parameters } : {}),
    ...extra,
  };
}

async function generate(
  payload: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${KEY}` },
) {
  const response = await fetch(`${simulator.urls.dashscope}/services/aigc/multimodal-generation/generation`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as GenerationBody };
}

describe("DashScope simulator", () => {
  it("has its base URL end with /api/v1", () => {
    expect(simulator.urls.dashscope).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it.each([
    ["Authorization: Bearer", { authorization: `Bearer ${KEY}` }],
    ["X-DashScope-ApiKey", { "x-dashscope-apikey": KEY }],
  ])("returns a signed PNG URL of the asked size (%s)", async (_name, headers) => {
    const result = await generate(
      body("a red kite", { size: "1280*720", prompt_extend: false, seed: 42 }),
      headers,
    );
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      output: {
        choices: [
          {
            finish_reason: "stop",
            message: { role: "assistant", content: [{ image: expect.any(String) }], reasoning_content: "" },
          },
        ],
      },
      usage: { width: 1280, height: 720, image_count: 1, input_tokens: 0, output_tokens: 0, total_tokens: 0 },
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const url = String(result.body.output.choices[0]?.message.content[0]?.image);
    expect(url).toMatch(/\.png\?Expires=\d+&OSSAccessKeyId=\w+&Signature=/);
    const info = await imageInfo(url);
    expect(info.contentType).toBe("image/png");
    expect(info.format).toBe("png");
    expect([info.width, info.height]).toEqual([1280, 720]);
  });

  it("adds the rewritten prompt as a text item only when prompt_extend is true", async () => {
    const result = await generate(body("a red kite", { size: "1024*1024", prompt_extend: true }));
    const content = result.body.output.choices[0]?.message.content ?? [];
    expect(content).toHaveLength(2);
    expect(content[1]?.text).toContain("a red kite");
  });

  it("defaults size to 1024*1536 when none is sent", async () => {
    const result = await generate(body("a red kite"));
    expect(result.body.usage).toMatchObject({ width: 1024, height: 1536 });
  });

  it.each([
    ["an unknown model", { ...body("x"), model: "wanx" }, "InvalidParameter"],
    ["no model", { ...body("x"), model: undefined }, "BadRequest.EmptyModel"],
    ["no input", { model: "z-image-turbo" }, "BadRequest.EmptyInput"],
    ["a size with x", body("x", { size: "1024x1024" }), "InvalidParameter"],
    ["too few pixels", body("x", { size: "256*256" }), "InvalidParameter"],
    ["too many pixels", body("x", { size: "2048*2064" }), "InvalidParameter"],
    ["a side over 2048", body("x", { size: "4096*512" }), "InvalidParameter"],
    ["a prompt over 800 characters", body("x".repeat(801)), "InvalidParameter"],
    ["an empty prompt", body(""), "InvalidParameter"],
    ["an unsupported n", body("x", { n: 2 }), "InvalidParameter"],
    ["a seed out of range", body("x", { seed: -1 }), "InvalidParameter"],
    [
      "two messages",
      {
        ...body("x"),
        input: {
          messages: [
            { role: "user", content: [{ text: "a" }] },
            { role: "user", content: [{ text: "b" }] },
          ],
        },
      },
      "InvalidParameter",
    ],
    [
      "an image item",
      {
        ...body("x"),
        input: { messages: [{ role: "user", content: [{ text: "a" }, { image: "http://x/y.png" }] }] },
      },
      "InvalidParameter",
    ],
  ])("refuses %s with 400", async (_name, payload, code) => {
    const result = await generate(payload);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ request_id: expect.any(String), code, message: expect.any(String) });
  });

  it("answers 401 InvalidApiKey without a key or with a wrong one", async () => {
    const missing = await generate(body("x"), {});
    expect(missing).toEqual({
      status: 401,
      body: { request_id: expect.any(String), code: "InvalidApiKey", message: "No API-key provided." },
    });
    await simulator.control.settings({ apiKeys: ["right"] });
    const wrong = await generate(body("x"), { "x-dashscope-apikey": "wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe("Invalid API-key provided.");
  });

  it("refuses async calls with 403 AccessDenied", async () => {
    const result = await generate(body("x"), {
      authorization: `Bearer ${KEY}`,
      "x-dashscope-async": "enable",
    });
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({
      code: "AccessDenied",
      message: "current user api does not support asynchronous calls",
    });
  });

  it.each([
    ["content_policy", 400, "DataInspectionFailed"],
    ["error", 500, "InternalError"],
    ["failed", 500, "InternalError.Algo"],
  ] as const)("answers a %s outcome with %i %s", async (outcome, status, code) => {
    await simulator.control.outcome({ provider: "dashscope", outcome });
    const result = await generate(body("x"));
    expect(result.status).toBe(status);
    expect(result.body.code).toBe(code);
    expect((await generate(body("x"))).status).toBe(200);
  });

  it("flags prompts containing [sim:fail] as DataInspectionFailed", async () => {
    const result = await generate(body("a cat [sim:fail]"));
    expect(result).toMatchObject({ status: 400, body: { code: "DataInspectionFailed" } });
  });

  it("answers unknown paths with a DashScope-shaped 404", async () => {
    const response = await fetch(`${simulator.urls.dashscope}/tasks/123`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: expect.any(String), request_id: expect.any(String) });
  });
});

/** A solid-colour PNG as a data URI. */
async function dataUri(width: number, height: number, background: { r: number; g: number; b: number }) {
  const png = await sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

function editBody(
  images: string[],
  parameters: Record<string, unknown> = {},
  model = "qwen-image-edit-plus",
) {
  return {
    model,
    input: {
      messages: [
        { role: "user", content: [...images.map((image) => ({ image })), { text: "make it glow" }] },
      ],
    },
    parameters,
  };
}

/** The mean of each colour channel of an output image. */
const colourAt = async (url: string) => meanColour((await imageInfo(url)).bytes);

const imagesOf = (result: { body: GenerationBody }) =>
  result.body.output.choices[0]?.message.content.flatMap((item) => (item.image ? [item.image] : [])) ?? [];

describe("DashScope simulator, edit models", () => {
  it.each(["qwen-image-edit-plus", "qwen-image-edit-max"])(
    "%s derives its output from the input it was given (data URI)",
    async (model) => {
      const red = await generate(editBody([await dataUri(400, 200, { r: 230, g: 20, b: 20 })], {}, model));
      const blue = await generate(editBody([await dataUri(400, 200, { r: 20, g: 20, b: 230 })], {}, model));
      expect([red.status, blue.status]).toEqual([200, 200]);
      const [redUrl] = imagesOf(red);
      const [blueUrl] = imagesOf(blue);
      const redColour = await colourAt(redUrl!);
      const blueColour = await colourAt(blueUrl!);
      expect(redColour.r).toBeGreaterThan(redColour.b + 40);
      expect(blueColour.b).toBeGreaterThan(blueColour.r + 40);
      // No size sent: about a megapixel at the input's 2:1.
      const info = await imageInfo(redUrl!);
      expect(info.width! / info.height!).toBeCloseTo(2, 1);
    },
  );

  it("fetches an input URL, follows the last of several inputs, and makes n images of the asked size", async () => {
    const generated = await generate(body("a green field", { size: "1024*1024" }));
    const [issuedUrl] = imagesOf(generated);
    const result = await generate(
      editBody([await dataUri(300, 600, { r: 230, g: 20, b: 20 }), issuedUrl!], { n: 2, size: "768*512" }),
    );
    expect(result.status).toBe(200);
    const images = imagesOf(result);
    expect(images).toHaveLength(2);
    expect(result.body.usage).toMatchObject({ width: 768, height: 512, image_count: 2 });
    const calls = await simulator.control.calls("dashscope");
    // The input URL was fetched from the simulator's own CDN, as a provider fetches it.
    expect(calls.some((call) => call.method === "GET" && issuedUrl!.includes(call.path.split("?")[0]!))).toBe(
      true,
    );
  });

  it.each([
    ["no input image", () => editBody([])],
    [
      "four input images",
      async () => editBody(await Promise.all([1, 2, 3, 4].map(() => dataUri(64, 64, { r: 0, g: 0, b: 0 })))),
    ],
    [
      "an unreachable URL",
      async () => editBody([`${simulator.urls.dashscope.replace("/api/v1", "")}/cdn/${"0".repeat(32)}.png`]),
    ],
    [
      "a data URI that is not an image",
      async () => editBody([`data:image/png;base64,${Buffer.from("<html>").toString("base64")}`]),
    ],
    ["a URL that is not http(s)", async () => editBody(["file:///etc/passwd"])],
    ["n over 6", async () => editBody([await dataUri(64, 64, { r: 0, g: 0, b: 0 })], { n: 7 })],
    [
      "a side under 512",
      async () => editBody([await dataUri(64, 64, { r: 0, g: 0, b: 0 })], { size: "256*1024" }),
    ],
    [
      "a negative prompt over 500 characters",
      async () =>
        editBody([await dataUri(64, 64, { r: 0, g: 0, b: 0 })], { negative_prompt: "x".repeat(501) }),
    ],
  ])("refuses %s with 400 InvalidParameter", async (_name, payload) => {
    const result = await generate(await payload());
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      request_id: expect.any(String),
      code: "InvalidParameter",
      message: expect.any(String),
    });
  });

  it("names the input it could not download", async () => {
    const missing = `${simulator.urls.dashscope.replace("/api/v1", "")}/cdn/${"0".repeat(32)}.png`;
    const result = await generate(editBody([await dataUri(64, 64, { r: 0, g: 0, b: 0 }), missing]));
    expect(result.body.message).toBe(
      "input.messages[0].content[1].image could not be downloaded (HTTP 404).",
    );
  });
});
