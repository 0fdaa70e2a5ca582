import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { KEY } from "@/lib/testing/simulator-fixture";
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
