import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { KEY } from "@/lib/testing/simulator-fixture";
import { download } from "@/lib/testing/test-images";
import { waitFor } from "@/lib/testing/wait-for";

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, stepMs: 10 });
});
afterAll(() => simulator.close());
afterEach(() => simulator.control.reset());

const requests = {
  shortapi: () =>
    fetch(`${simulator.urls.shortapi}/api/v1/job/create`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-image-2/text-to-image", args: { prompt: "x" } }),
    }),
  shortapiPoll: (id: string) =>
    fetch(`${simulator.urls.shortapi}/api/v1/job/query?id=${id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    }),
  pixazo: (prompt = "x", numImages = 1) =>
    fetch(`${simulator.urls.pixazo}/z-image-turbo-834/v1/z-image-turbo-request`, {
      method: "POST",
      headers: { "ocp-apim-subscription-key": KEY, "content-type": "application/json" },
      body: JSON.stringify({ prompt, image_size: "square_1_1", num_images: numImages }),
    }),
  dashscope: (prompt = "x") =>
    fetch(`${simulator.urls.dashscope}/services/aigc/multimodal-generation/generation`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "z-image-turbo",
        input: { messages: [{ role: "user", content: [{ text: prompt }] }] },
        parameters: { size: "1024*1024" },
      }),
    }),
};

async function dashscopeImageUrl(prompt = "x"): Promise<string> {
  const body = (await (await requests.dashscope(prompt)).json()) as {
    output: { choices: { message: { content: { image: string }[] } }[] };
  };
  return body.output.choices[0]?.message.content[0]?.image ?? "";
}

async function pixazoImageUrls(prompt: string, numImages: number): Promise<string[]> {
  const submitted = (await (await requests.pixazo(prompt, numImages)).json()) as { polling_url: string };
  const final = await waitFor(
    async () =>
      (await (
        await fetch(submitted.polling_url, { headers: { "ocp-apim-subscription-key": KEY } })
      ).json()) as {
        status: string;
        output: { media_url: string[] } | null;
      },
    (body) => body.status === "COMPLETED",
  );
  return final.output?.media_url ?? [];
}

describe("status faults", () => {
  it.each([
    ["shortapi", 429, { code: 429, message: "too many requests" }],
    ["shortapi", 402, { code: 402, message: "insufficient balance" }],
    ["shortapi", 500, { code: 500, message: "internal server error" }],
    ["pixazo", 429, { statusCode: 429, message: "Rate limit is exceeded. Try again in 7 seconds." }],
    ["pixazo", 402, { error: "Insufficient Balance", message: "Your wallet does not have enough balance." }],
    ["pixazo", 500, { error: "Internal Server Error", message: expect.any(String) }],
    [
      "dashscope",
      429,
      { request_id: expect.any(String), code: "Throttling.RateQuota", message: expect.any(String) },
    ],
    [
      "dashscope",
      500,
      { request_id: expect.any(String), code: "InternalError", message: expect.any(String) },
    ],
  ] as const)(
    "%s %i answers with the provider's own body and Retry-After",
    async (provider, status, body) => {
      await simulator.control.fault({ provider, on: "submit", kind: "status", status, retryAfter: 7 });
      const response = await requests[provider]();
      expect(response.status).toBe(status);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(await response.json()).toEqual(body);
      expect((await requests[provider]()).status).toBeLessThan(300);
    },
  );

  it("sends no Retry-After unless asked, and uses an override body when given", async () => {
    await simulator.control.fault({
      provider: "pixazo",
      on: "submit",
      kind: "status",
      status: 400,
      body: { error: "Model not found", message: "Model 'z-image-turbo-834' not found or is disabled" },
    });
    const response = await requests.pixazo();
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({
      error: "Model not found",
      message: "Model 'z-image-turbo-834' not found or is disabled",
    });
  });

  it("matches polls only when on is poll, and counts hits", async () => {
    await simulator.control.fault({
      provider: "shortapi",
      on: "poll",
      kind: "status",
      status: 503,
      count: 2,
    });
    const created = (await (await requests.shortapi()).json()) as { data: { job_id: string } };
    expect((await requests.shortapiPoll(created.data.job_id)).status).toBe(503);
    expect((await requests.shortapiPoll(created.data.job_id)).status).toBe(503);
    expect((await requests.shortapiPoll(created.data.job_id)).status).toBe(200);
  });

  it("keeps a count -1 rule until reset, for every provider with *", async () => {
    await simulator.control.fault({ provider: "*", on: "any", kind: "status", status: 500, count: -1 });
    for (let round = 0; round < 3; round += 1) {
      expect((await requests.pixazo()).status).toBe(500);
      expect((await requests.dashscope()).status).toBe(500);
    }
    await simulator.control.reset();
    expect((await requests.pixazo()).status).toBe(202);
  });
});

describe("transport faults", () => {
  it("html answers 502 with an HTML page", async () => {
    await simulator.control.fault({ provider: "dashscope", on: "submit", kind: "html" });
    const response = await requests.dashscope();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<html>");
  });

  it("truncated answers with cut-off JSON", async () => {
    await simulator.control.fault({ provider: "pixazo", on: "submit", kind: "truncated" });
    const response = await requests.pixazo();
    expect(response.status).toBe(202);
    const text = await response.text();
    expect(text.startsWith('{"request_id":"z-image-turbo-834_')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("drop closes the connection without an answer, and the next call works", async () => {
    await simulator.control.fault({ provider: "shortapi", on: "submit", kind: "drop" });
    await expect(requests.shortapi()).rejects.toThrow();
    expect((await requests.shortapi()).status).toBe(200);
  });

  it("delay still answers normally", async () => {
    await simulator.control.fault({ provider: "shortapi", on: "submit", kind: "delay", delayMs: 30 });
    expect((await requests.shortapi()).status).toBe(200);
  });

  it("image faults answer like the CDN, in XML", async () => {
    const url = await dashscopeImageUrl();
    await simulator.control.fault({ provider: "dashscope", on: "image", kind: "status", status: 500 });
    const failed = await download(url);
    expect(failed.status).toBe(500);
    expect(failed.bytes.toString()).toContain("<Code>InternalError</Code>");
    expect((await download(url)).status).toBe(200);
  });

  it("rejects malformed rules", async () => {
    const result = await simulator.control.request("POST", "/faults", {
      provider: "shortapi",
      on: "submit",
      kind: "status",
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "invalid_body" });
  });
});

describe("outcomes", () => {
  it("applies to the next count jobs of that provider only", async () => {
    await simulator.control.outcome({ provider: "dashscope", outcome: "content_policy", count: 2 });
    expect((await requests.dashscope()).status).toBe(400);
    expect((await requests.dashscope()).status).toBe(400);
    expect((await requests.dashscope()).status).toBe(200);
  });
});

describe("image URLs", () => {
  it("expire after imageTtlMs with an OSS-style 403", async () => {
    await simulator.control.settings({ imageTtlMs: 0 });
    const expired = await download(await dashscopeImageUrl());
    expect(expired.status).toBe(403);
    expect(expired.contentType).toContain("application/xml");
    expect(expired.bytes.toString()).toMatch(/<Code>AccessDenied<\/Code>[\s\S]*Request has expired/);
  });

  it("all expire on POST /expire-images", async () => {
    const url = await dashscopeImageUrl();
    expect((await download(url)).status).toBe(200);
    await simulator.control.expireImages();
    expect((await download(url)).status).toBe(403);
    expect((await download(await dashscopeImageUrl())).status).toBe(200);
  });

  it("answer 404 NoSuchKey for an unknown object", async () => {
    const missing = await download(`${simulator.urls.pixazo}/cdn/${"0".repeat(32)}.png`);
    expect(missing.status).toBe(404);
    expect(missing.bytes.toString()).toContain("NoSuchKey");
  });

  it("differ by prompt, by model and by index", async () => {
    const [catFirst, catSecond] = await pixazoImageUrls("a cat", 2);
    const [dog] = await pixazoImageUrls("a dog", 1);
    const dashscopeCat = await dashscopeImageUrl("a cat");
    const [first, second, other, otherModel] = await Promise.all(
      [catFirst, catSecond, dog, dashscopeCat].map(async (url) => (await download(url ?? "")).bytes),
    );
    expect(first?.equals(second ?? Buffer.alloc(0))).toBe(false);
    expect(first?.equals(other ?? Buffer.alloc(0))).toBe(false);
    expect(first?.equals(otherModel ?? Buffer.alloc(0))).toBe(false);
  });
});

describe("control endpoints", () => {
  it("log calls with credentials redacted and authOk", async () => {
    await requests.pixazo("logged");
    await fetch(`${simulator.urls.pixazo}/v2/requests/status/nope`);
    const calls = await simulator.control.calls("pixazo");
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      provider: "pixazo",
      method: "POST",
      path: "/z-image-turbo-834/v1/z-image-turbo-request",
      headers: { "ocp-apim-subscription-key": "<redacted>", "content-type": "application/json" },
      authOk: true,
      body: { prompt: "logged", image_size: "square_1_1", num_images: 1 },
    });
    expect(calls[1]).toMatchObject({
      method: "GET",
      path: "/v2/requests/status/nope",
      authOk: false,
      body: null,
    });
    expect(JSON.stringify(calls)).not.toContain(KEY);

    await simulator.control.clearCalls();
    expect(await simulator.control.calls()).toEqual([]);
  });

  it("change settings live and reset them", async () => {
    const changed = await simulator.control.settings({ stepMs: 5, latencyMs: 0 });
    expect(changed).toMatchObject({ stepMs: 5, latencyMs: 0 });
    await simulator.control.reset();
    expect((await simulator.control.request("GET", "/settings")).body).toMatchObject({
      stepMs: 10,
      latencyMs: null,
    });
    expect((await simulator.control.request("POST", "/settings", { stepMs: -1 })).status).toBe(400);
  });

  it("report health and 404 unknown routes", async () => {
    expect(await simulator.control.request("GET", "/health")).toEqual({
      status: 200,
      body: { ok: true, urls: simulator.urls },
    });
    expect((await simulator.control.request("GET", "/nope")).status).toBe(404);
  });
});
