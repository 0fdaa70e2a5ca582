import { expect, test } from "@playwright/test";

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
    [{ prompt: "a fox", models: Array(9).fill(validModel) }, "models", /at most 8/],
    [{ prompts: Array(7).fill("a fox"), models: Array(7).fill(validModel) }, "prompts", /at most 48 per run/],
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
