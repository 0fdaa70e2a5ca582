import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../support/env";
import { sendRaw, type RawResponse } from "../support/raw-request";

// Requests Next cannot turn into a Request (TRACE, undecodable paths) used to end in a bare 500
// before any of our code ran; each must be a 4xx in the error envelope (lib/server/node-http-hooks.ts).

const send = (method: string, path: string) => sendRaw(method, path);

function envelope(response: RawResponse): { code: string; message: string } {
  expect(response.headers["content-type"]).toContain("application/json");
  return JSON.parse(response.body).error;
}

test("a path that is not valid percent-encoding is a 400 naming the path, on pages and API routes", async () => {
  for (const [method, path] of [
    ["GET", "/api/runs/%E0%A4%A"],
    ["GET", "/g/%"],
    ["GET", "/runs/%zz"],
    ["DELETE", "/api/runs/%zz"],
    ["POST", "/api/galleries/%E0%A4%A/votes"],
    ["GET", "/api/files/ab/%zz.png?download=1"],
  ] as const) {
    const response = await send(method, path);
    expect(response.status, `${method} ${path}`).toBe(400);
    const error = envelope(response);
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(path.split("?")[0]);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  }
  // Valid encoding still reaches the route.
  const encoded = await send("GET", "/api/runs/%61bc");
  expect(encoded.status).toBe(404);
  expect(envelope(encoded).code).toBe("not_found");
});

test("TRACE and methods no route serves are a 405 with Allow, on pages and API routes", async () => {
  for (const method of ["TRACE", "PROPFIND", "SEARCH"]) {
    for (const path of ["/", "/history", "/g/some-slug", "/api/runs", "/api/health", "/api/runs/%zz"]) {
      const response = await send(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(envelope(response).code).toBe("method_not_allowed");
      expect(response.headers.allow).toBe("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
    }
  }
});

test("a NUL character in a page's or image's path is a 400 in the envelope, never a 500", async () => {
  for (const path of ["/g/%00", "/g/x%00/opengraph-image", "/runs/ab%00cd", "/g/x%00/compare"]) {
    const response = await send("GET", path);
    expect(response.status, path).toBe(400);
    expect(envelope(response).code).toBe("bad_request");
    expect(response.body).not.toContain("\u0000");
  }
});

test("absolute-form and asterisk-form targets are refused in the envelope, never redirected off-site", async () => {
  for (const [method, target] of [
    ["GET", "http://evil.example/api/health"],
    ["GET", "http://evil.example/"],
    ["POST", "https://evil.example/api/runs"],
    ["OPTIONS", "*"],
  ] as const) {
    const response = await send(method, target);
    expect(response.status, `${method} ${target}`).toBe(400);
    expect(response.headers.location, `${method} ${target}`).toBeUndefined();
    expect(envelope(response).code).toBe("bad_request");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
});

test("HEAD, OPTIONS and unexported methods on API routes are answered by the route, never a 500", async () => {
  expect((await send("HEAD", "/api/health")).status).toBe(200);
  const options = await send("OPTIONS", "/api/runs");
  expect(options.status).toBe(204);
  expect(options.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
  for (const [method, path] of [
    ["PATCH", "/api/runs"],
    ["PUT", "/api/health"],
    ["DELETE", "/api/models"],
    ["POST", "/api/spend"],
  ] as const) {
    expect((await send(method, path)).status, `${method} ${path}`).toBe(405);
  }
});

test("the refusal route cannot be called to fake an error", async () => {
  const direct = await send("GET", "/api/refused");
  expect(direct.status).toBe(404);
  const forged = await new Promise<number>((resolve, reject) => {
    http
      .get(
        {
          host: "127.0.0.1",
          port: E2E_PORT,
          path: "/api/refused",
          headers: { "x-prism-refusal": "path /forged" },
        },
        (response) => resolve(response.statusCode!),
      )
      .on("error", reject);
  });
  expect(forged).toBe(404);
});

test("bad input is a 4xx naming the field: NUL characters, history cursors, zero-padded sizes", async ({
  request,
}) => {
  const run = (modelId: string, params: object, prompt = "a fox") => ({
    data: { prompt, models: [{ modelId, params }] },
  });
  const cases: [string, Promise<import("@playwright/test").APIResponse>, string][] = [
    ["NUL in a prompt", request.post("/api/runs", run("shortapi/z-image", {}, "a\u0000fox")), "prompt"],
    ["NUL in a run id", request.get("/api/runs/ab%00cd"), "id"],
    ["NUL in a gallery slug", request.get("/api/galleries/ab%00cd"), "slug"],
    ["NUL in a callback token", request.post("/api/callbacks/ab%00cd", { data: {} }), "token"],
    ["NUL in q", request.get("/api/runs?q=a%00b"), "q"],
    ["NUL in model", request.get("/api/runs?model=a%00b"), "model"],
    ["a cursor that is not a date", request.get("/api/runs?cursor=not-a-date"), "cursor"],
    [
      "a cursor with an impossible date",
      request.get(`/api/runs?cursor=${Buffer.from("2026-13-45T00:00:00.000Z|abc").toString("base64url")}`),
      "cursor",
    ],
    [
      "a zero-padded DashScope size",
      request.post("/api/runs", run("dashscope/z-image-turbo", { size: "01024*1024" })),
      "models.0.params.size",
    ],
  ];
  for (const [what, pending, field] of cases) {
    const response = await pending;
    expect(response.status(), what).toBe(422);
    const { error } = await response.json();
    expect(
      error.issues.map((issue: { path: string }) => issue.path),
      what,
    ).toContain(field);
  }
});
