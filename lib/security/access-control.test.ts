import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { hasAccess, isPublicRequest } from "./access-control";
import { createSessionValue, SESSION_COOKIE } from "./access-token";
import { safeNextPath } from "./session";

const request = (path: string, method = "GET", cookie?: string) =>
  new NextRequest(`http://prism.test${path}`, {
    method,
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });

afterEach(() => {
  delete process.env.PRISM_ACCESS_TOKEN;
});

describe("public requests", () => {
  it.each([
    ["/g/abc", "GET"],
    ["/api/files/ab/abcdef.png", "GET"],
    ["/api/health", "GET"],
    ["/api/callbacks/token", "POST"],
    ["/api/galleries/slug", "GET"],
    ["/api/galleries/slug/download", "GET"],
    ["/sign-in", "GET"],
    ["/api/session", "POST"],
    ["/_next/static/chunk.js", "GET"],
  ])("%s %s", (path, method) => expect(isPublicRequest(path, method)).toBe(true));

  it.each([
    ["/", "GET"],
    ["/history", "GET"],
    ["/runs/abc", "GET"],
    ["/api/runs", "POST"],
    ["/api/runs", "GET"],
    ["/api/models", "GET"],
    ["/api/spend", "GET"],
    ["/api/galleries", "POST"],
    ["/api/galleries", "GET"],
    ["/api/galleries/slug", "DELETE"],
    ["/g", "GET"],
    ["/api/healthz", "GET"],
  ])("not %s %s", (path, method) => expect(isPublicRequest(path, method)).toBe(false));
});

describe("access", () => {
  it("is open to everyone while no access token is configured", () => {
    expect(hasAccess(request("/api/runs", "POST"))).toBe(true);
  });

  it("needs a valid session cookie once a token is configured", () => {
    process.env.PRISM_ACCESS_TOKEN = "the-access-token";
    expect(hasAccess(request("/api/runs", "POST"))).toBe(false);
    expect(hasAccess(request("/api/runs", "POST", "forged"))).toBe(false);
    expect(hasAccess(request("/api/runs", "POST", createSessionValue("other-token", new Date())))).toBe(
      false,
    );
    expect(hasAccess(request("/api/runs", "POST", createSessionValue("the-access-token", new Date())))).toBe(
      true,
    );
    expect(hasAccess(request("/g/slug"))).toBe(true);
  });
});

describe("sign-in redirect target", () => {
  it.each([
    [undefined, "/"],
    ["/history?q=cat", "/history?q=cat"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
  ])("%s → %s", (next, expected) => expect(safeNextPath(next)).toBe(expected));
});
