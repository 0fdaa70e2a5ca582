import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BlobStoreError } from "@/lib/storage/blob-store";
import { json, routeHandler } from "./route-handler";

const context = { params: Promise.resolve({}) };
const post = (body: string, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/things", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

const bodySchema = z.object({
  name: z.string().min(1),
  items: z.array(z.object({ count: z.number().int() })),
});
const create = routeHandler({ access: "session", body: bodySchema, maxBodyBytes: 1_000 }, ({ body }) =>
  json({ received: body }, { status: 201 }),
);

describe("routeHandler", () => {
  it("passes the validated body to the handler", async () => {
    const response = await create(
      post(JSON.stringify({ name: "a", items: [{ count: 1 }], extra: true })),
      context,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ received: { name: "a", items: [{ count: 1 }] } });
  });

  it("answers malformed JSON with 400 bad_request", async () => {
    const response = await create(post("{not json"), context);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "bad_request", message: "Request body must be valid JSON" },
    });
  });

  it("answers invalid fields with 422 and one issue per field path", async () => {
    const response = await create(post(JSON.stringify({ name: "", items: [{ count: 1.5 }] })), context);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "items.0.count",
      "name",
    ]);
  });

  it("answers an oversized body with 413", async () => {
    const response = await create(post(JSON.stringify({ name: "x".repeat(2_000), items: [] })), context);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("validates the query string", async () => {
    const list = routeHandler(
      { access: "session", query: z.object({ limit: z.coerce.number<string>().int().max(10) }) },
      ({ query }) => json(query),
    );
    const ok = await list(new NextRequest("http://localhost/api/things?limit=5"), context);
    expect(await ok.json()).toEqual({ limit: 5 });
    const bad = await list(new NextRequest("http://localhost/api/things?limit=50"), context);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("limit");
  });

  it("maps AppError codes to statuses and keeps their headers", async () => {
    const cases = [
      [new AppError("not_found", "No run with this id"), 404],
      [new AppError("conflict", "Already exists"), 409],
      [new AppError("unauthorized", "Sign in"), 401],
      [new AppError("rate_limited", "Slow down", { headers: { "Retry-After": "7" } }), 429],
    ] as const;
    for (const [error, status] of cases) {
      const response = await routeHandler({ access: "session" }, () => {
        throw error;
      })(new NextRequest("http://localhost/x"), context);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code: error.code, message: error.message } });
      if (error.headers) expect(response.headers.get("retry-after")).toBe("7");
    }
  });

  it("turns unknown errors into a generic 500 that leaks nothing", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await routeHandler({ access: "session" }, () => {
      throw new Error("connect ECONNREFUSED with key sk-secret-123");
    })(new NextRequest("http://localhost/x"), context);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("sk-secret");
    expect(text).not.toContain("ECONNREFUSED");
    expect(JSON.parse(text).error.code).toBe("internal_error");
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it("answers 503 when the blob store fails, naming neither the bucket nor the cause", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await routeHandler({ access: "public" }, () => {
      throw new BlobStoreError(
        'Object storage (bucket "b" at http://10.0.0.5:9000) could not read x: ECONNREFUSED',
      );
    })(new NextRequest("http://localhost/api/files/x"), context);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toMatch(/10\.0\.0\.5|ECONNREFUSED|bucket/);
    expect(JSON.parse(text).error.code).toBe("service_unavailable");
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("ECONNREFUSED"));
    consoleError.mockRestore();
  });

  it("answers 503 with Retry-After when the database is out of reach, wrapped or not", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const lockTimeout = Object.assign(new Error("canceling statement due to lock timeout"), {
      code: "55P03",
    });
    for (const cause of [refused, new Error("Failed query: insert into runs", { cause: lockTimeout })]) {
      const response = await routeHandler({ access: "public" }, () => {
        throw cause;
      })(new NextRequest("http://localhost/api/runs"), context);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const text = await response.text();
      expect(text).not.toMatch(/127\.0\.0\.1|lock timeout/);
      expect(JSON.parse(text).error.code).toBe("service_unavailable");
    }
    consoleError.mockRestore();
  });

  it("asks for a session only on routes that declare it", async () => {
    process.env.PRISM_ACCESS_TOKEN = "the-access-token";
    try {
      const open = routeHandler({ access: "public" }, () => json({ ok: true }));
      const closed = routeHandler({ access: "session" }, () => json({ ok: true }));
      expect((await open(new NextRequest("http://localhost/x"), context)).status).toBe(200);
      const refused = await closed(new NextRequest("http://localhost/x"), context);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.code).toBe("unauthorized");
    } finally {
      delete process.env.PRISM_ACCESS_TOKEN;
    }
  });

  it("passes awaited route params", async () => {
    const show = routeHandler<{ id: string }>({ access: "session" }, ({ params }) => json({ id: params.id }));
    const response = await show(new NextRequest("http://localhost/x"), {
      params: Promise.resolve({ id: "abc" }),
    });
    expect(await response.json()).toEqual({ id: "abc" });
  });
});
