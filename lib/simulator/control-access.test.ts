import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";

const APP_ORIGIN = "http://localhost:3999";
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, stepMs: 10, appOrigins: [APP_ORIGIN] });
});
afterAll(() => simulator.close());

/** node:http, as fetch may not set Host; answers status and body text. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${simulator.urls.control}${path}`, {
      method: options.method ?? "GET",
      headers: options.headers,
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.end(options.body);
  });
}

const stepMs = async () => JSON.parse((await send("/settings")).body).stepMs as number;

describe("control port access", () => {
  it("refuses a text/plain POST from a foreign page and changes nothing", async () => {
    const attack = await send("/settings", {
      method: "POST",
      headers: { origin: "http://127.0.0.1:5555", "content-type": "text/plain" },
      body: JSON.stringify({ stepMs: 99_999 }),
    });
    expect(attack.status).toBe(403);
    expect(JSON.parse(attack.body).error).toBe("forbidden");
    expect(await stepMs()).toBe(10);
  });

  it("does not show the call log (prompts) to a foreign page", async () => {
    const read = await send("/calls", { headers: { origin: "https://evil.example" } });
    expect(read.status).toBe(403);
    expect(read.body).not.toContain("[");
  });

  it("refuses a request addressed to a non-loopback host (DNS rebinding)", async () => {
    const port = new URL(simulator.urls.control).port;
    expect((await send("/calls", { headers: { host: `evil.example:${port}` } })).status).toBe(403);
  });

  it("serves its own origin, the app's and clients that send no Origin", async () => {
    const own = simulator.urls.control.replace("127.0.0.1", "localhost");
    const allowed: Record<string, string>[] = [{ origin: own }, { origin: APP_ORIGIN }, {}];
    for (const headers of allowed) {
      expect((await send("/calls", { headers })).status).toBe(200);
    }
  });

  it("listens on loopback only", async () => {
    await expect(startSimulator({ port: 0, host: "0.0.0.0" })).rejects.toThrow(/loopback only/);
  });
});
