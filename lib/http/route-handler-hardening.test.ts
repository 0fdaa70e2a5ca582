import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { json, routeHandler } from "./route-handler";

// What an attacker's page or a bad client sends: CSRF, wrong media types, oversized and chunked
// bodies, NUL characters, undecodable paths (docs/security.md).

const APP = "http://127.0.0.1:3000";
const context = { params: Promise.resolve({}) };
const handled = vi.fn(() => json({ ok: true }, { status: 201 }));
const create = routeHandler({ access: "public", body: z.object({ prompt: z.string() }) }, handled);

function post(headers: Record<string, string>, body: BodyInit = JSON.stringify({ prompt: "a fox" })) {
  return new NextRequest(`${APP}/api/things`, {
    method: "POST",
    body,
    headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
    // Needed by fetch's Request for a stream body.
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

async function errorOf(response: Response): Promise<{ status: number; code: string; paths: string[] }> {
  const { error } = await response.json();
  return {
    status: response.status,
    code: error.code,
    paths: (error.issues ?? []).map((issue: { path: string }) => issue.path),
  };
}

afterEach(() => {
  handled.mockClear();
  delete process.env.PUBLIC_URL;
});

describe("cross-origin requests (CSRF)", () => {
  it.each([
    ["a foreign Origin", { origin: "http://127.0.0.1:5555" }],
    ["Origin null", { origin: "null" }],
    ["a same-site Sec-Fetch-Site without Origin", { "sec-fetch-site": "same-site" }],
    ["a foreign Referer without Origin", { referer: "http://127.0.0.1:5555/attack.html" }],
  ])("refuses a state change with %s", async (_, headers) => {
    expect(await errorOf(await create(post(headers), context))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(handled).not.toHaveBeenCalled();
  });

  it.each([
    ["the app's own Origin", { origin: APP }],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }],
    ["the app's own Referer", { referer: `${APP}/history` }],
    ["none of these headers (curl)", {}],
  ])("lets %s through", async (_, headers) => {
    expect((await create(post(headers), context)).status).toBe(201);
  });

  it("accepts PUBLIC_URL's origin behind a proxy that rewrites Host", async () => {
    process.env.PUBLIC_URL = "https://prism.example.com/";
    const request = post({ origin: "https://prism.example.com", host: "10.0.0.5:3000" });
    expect((await create(request, context)).status).toBe(201);
  });

  it("leaves reads alone, and routes that declare crossOrigin allow", async () => {
    const read = routeHandler({ access: "public" }, () => json({ ok: true }));
    const get = new NextRequest(`${APP}/api/things`, { headers: { origin: "http://evil.example" } });
    expect((await read(get, context)).status).toBe(200);
    const callback = routeHandler({ access: "public", crossOrigin: "allow" }, () => json({ ok: true }));
    expect((await callback(post({ origin: "http://evil.example" }), context)).status).toBe(200);
  });
});

describe("request bodies", () => {
  it("refuses a JSON route's body in any other media type with 415", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      expect(await errorOf(await create(post({ "content-type": type }), context))).toMatchObject({
        status: 415,
        code: "unsupported_media_type",
      });
    }
    expect((await create(post({ "content-type": "application/json; charset=utf-8" }), context)).status).toBe(
      201,
    );
  });

  it("reads a form where the route accepts one", async () => {
    const signIn = routeHandler(
      { access: "public", body: z.object({ token: z.string() }), acceptForm: true },
      ({ body, bodyFormat }) => json({ body, bodyFormat }),
    );
    const response = await signIn(
      post({ "content-type": "application/x-www-form-urlencoded" }, "token=a%20b&next=%2F"),
      context,
    );
    expect(await response.json()).toEqual({ body: { token: "a b" }, bodyFormat: "form" });
  });

  it("stops reading a chunked body without Content-Length at the limit (413)", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const small = routeHandler({ access: "public", body: z.object({}), maxBodyBytes: 64 * 1024 }, () =>
      json({}),
    );
    const request = post({}, endless);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await errorOf(await small(request, context))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(pulled).toBeLessThanOrEqual(8);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post({ "content-length": String(10 * 1024 * 1024) }, "{}");
    expect((await create(request, context)).status).toBe(413);
  });
});

describe("NUL characters and undecodable paths", () => {
  it("refuse a NUL in the body, naming the field", async () => {
    const response = await create(post({}, JSON.stringify({ prompt: "a\u0000fox" })), context);
    expect(await errorOf(response)).toEqual({ status: 422, code: "invalid_input", paths: ["prompt"] });
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuse a NUL in the query and in path params, naming the field", async () => {
    const list = routeHandler(
      { access: "public", query: z.object({ q: z.string().optional(), model: z.string().optional() }) },
      () => json({}),
    );
    const query = await list(new NextRequest(`${APP}/api/runs?q=a%00b&model=x%00`), context);
    expect(await errorOf(query)).toMatchObject({ status: 422, paths: ["q", "model"] });
    const show = routeHandler<{ id: string }>({ access: "public" }, () => json({}));
    const path = await show(new NextRequest(`${APP}/api/runs/a%00b`), {
      params: Promise.resolve({ id: "a\u0000b" }),
    });
    expect(await errorOf(path)).toMatchObject({ status: 422, paths: ["id"] });
  });

  it("answer a path Next cannot decode with 400", async () => {
    const show = routeHandler<{ id: string }>({ access: "public" }, () => json({}));
    const response = await show(new NextRequest(`${APP}/api/runs/%E0%A4%A`), {
      params: Promise.reject(new URIError("URI malformed")),
    });
    expect(await errorOf(response)).toMatchObject({ status: 400, code: "bad_request" });
  });
});

describe("a database write on a full disk", () => {
  it("is a 507 like a run's, and the log keeps the statement but none of the user's text", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const note = "client hates the teal, keep it secret";
    // What drizzle throws when PostgreSQL (53100) or PGlite's file system (ENOSPC) runs out of space.
    const failedQuery = Object.assign(
      new Error(
        `Failed query: update "images" set "note" = $1 where "images"."id" = $2\nparams: ${note},img-1`,
      ),
      {
        query: 'update "images" set "note" = $1 where "images"."id" = $2',
        params: [note, "img-1"],
        cause: Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), {
          code: "53100",
        }),
      },
    );
    const annotate = routeHandler({ access: "public", body: z.object({ prompt: z.string() }) }, () => {
      throw failedQuery;
    });
    const response = await annotate(post({}), context);
    expect(await errorOf(response)).toMatchObject({ status: 507, code: "insufficient_storage" });
    const lines = logged.mock.calls.map((call) => String(call[0])).join("\n");
    expect(lines).toContain('update \\"images\\" set');
    expect(lines).not.toContain("teal");
    logged.mockRestore();
  });
});
