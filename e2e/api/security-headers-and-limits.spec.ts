import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../support/env";

// Against the shared e2e server: headers on every kind of answer, and the input limits of POST /api/runs.

function expectSecurityHeaders(route: string, headers: Record<string, string>): void {
  expect(headers["content-security-policy"], route).toContain("default-src 'self'");
  expect(headers["content-security-policy"], route).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], route).toBe("nosniff");
  expect(headers["x-frame-options"], route).toBe("DENY");
  expect(headers["referrer-policy"], route).toBe("strict-origin-when-cross-origin");
}

test("every page and API answer carries the security headers, errors included", async ({ request }) => {
  for (const route of [
    "/",
    "/history",
    "/runs/unknown-run",
    "/sign-in",
    "/no-such-page",
    "/api/health",
    "/api/models",
    "/api/spend",
    "/api/runs",
    "/api/runs/unknown-run",
    "/api/files/ab/nope.png",
  ]) {
    const response = await request.get(route);
    expectSecurityHeaders(route, response.headers());
  }
  const refused = await request.post("/api/runs", { data: { prompt: "", models: [] } });
  expectSecurityHeaders("POST /api/runs (422)", refused.headers());
});

const validModel = { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } };

test("POST /api/runs refuses oversized and invalid input with clear 4xx answers", async ({ request }) => {
  const tooBig = await request.post("/api/runs", {
    headers: { "content-type": "application/json" },
    data: Buffer.from(JSON.stringify({ prompt: "x".repeat(70_000), models: [validModel] })),
  });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error.code).toBe("payload_too_large");

  const malformed = await request.post("/api/runs", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{oops"),
  });
  expect(malformed.status()).toBe(400);

  const cases: [unknown, string, RegExp][] = [
    [{ prompt: "   ", models: [validModel] }, "prompt", /required/i],
    [{ prompt: "x".repeat(5_000), models: [validModel] }, "prompt", /at most \d+ characters/],
    [{ prompt: "a fox", models: [] }, "models", /at least one/],
    [{ prompt: "a fox", models: Array(9).fill(validModel) }, "models", /at most 8 configurations/i],
    [
      { prompts: Array(7).fill("a fox"), models: Array(7).fill(validModel) },
      "prompts",
      /a run takes at most 48/,
    ],
    [
      { prompt: "a fox", models: [{ modelId: "nope/model", params: {} }] },
      "models.0.modelId",
      /Unknown model/,
    ],
    [
      { prompt: "a fox", models: [{ ...validModel, params: { aspect_ratio: "1:1", num_images: 99 } }] },
      "models.0.params.num_images",
      /./,
    ],
  ];
  for (const [body, path, message] of cases) {
    const response = await request.post("/api/runs", { data: body });
    expect(response.status(), path).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.issues.find((issue: { path: string }) => issue.path === path)?.message, path).toMatch(
      message,
    );
  }

  const longKey = await request.post("/api/runs", {
    headers: { "idempotency-key": "k".repeat(201) },
    data: { prompt: "a fox", models: [validModel] },
  });
  expect(longKey.status()).toBe(400);
});

/**
 * POSTs `total` bytes in 1 KB chunks with no Content-Length, on a connection of its own; the status.
 * A little over the limit: far over, the server cuts the connection while the client still writes.
 */
function postChunked(path: string, contentType: string, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        method: "POST",
        path,
        agent: false,
        headers: { "content-type": contentType },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode!);
      },
    );
    request.on("error", reject);
    for (let sent = 0; sent < total; sent += 1024) request.write(Buffer.alloc(1024, "a"));
    request.end();
  });
}

test("a chunked body without Content-Length is cut off at the route's limit with 413", async () => {
  // Sign-in is public and takes 4 KB; runs take 64 KB. Both used to read any body whole.
  expect(await postChunked("/api/session", "application/x-www-form-urlencoded", 3 * 1024)).toBe(303);
  expect(await postChunked("/api/session", "application/x-www-form-urlencoded", 16 * 1024)).toBe(413);
  expect(await postChunked("/api/runs", "application/json", 96 * 1024)).toBe(413);
});
