import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { bearerTokenOf, hasAccess, isPublicPage } from "./access-control";
import { createSessionValue, SESSION_COOKIE } from "./session-cookie";
import { safeNextPath } from "./sign-in";

const request = (path: string, method = "GET", cookie?: string) =>
  new NextRequest(`http://prism.test${path}`, {
    method,
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });

afterEach(() => {
  delete process.env.PRISM_ACCESS_TOKEN;
});

// Which API routes are public is declared on each route and checked in
// lib/http/route-handler-coverage.test.ts.
describe("public pages", () => {
  it.each(["/g/abc", "/sign-in", "/docs/api", "/_next/static/chunk.js"])("%s", (path) =>
    expect(isPublicPage(path)).toBe(true),
  );

  it.each(["/", "/history", "/runs/abc", "/g"])("not %s", (path) => expect(isPublicPage(path)).toBe(false));
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

describe("bearer token", () => {
  const withAuthorization = (authorization: string) =>
    new NextRequest("http://prism.test/api/runs", { headers: { authorization } });

  it("is read from Authorization: Bearer, whatever the scheme's case", () => {
    expect(bearerTokenOf(withAuthorization("Bearer abc"))).toBe("abc");
    expect(bearerTokenOf(withAuthorization("bearer  abc "))).toBe("abc");
    expect(bearerTokenOf(withAuthorization("Bearer"))).toBe("");
    expect(bearerTokenOf(withAuthorization("Basic YTpi"))).toBeUndefined();
    expect(bearerTokenOf(request("/api/runs"))).toBeUndefined();
  });

  it("gives access when it is the access token, and only then", () => {
    process.env.PRISM_ACCESS_TOKEN = "the-access-token";
    expect(hasAccess(withAuthorization("Bearer the-access-token"))).toBe(true);
    expect(hasAccess(withAuthorization("Bearer the-access-token-2"))).toBe(false);
    expect(hasAccess(withAuthorization("Bearer "))).toBe(false);
    expect(hasAccess(withAuthorization("the-access-token"))).toBe(false);
  });
});

describe("sign-in redirect target", () => {
  it.each([
    [undefined, "/"],
    ["/history?q=cat", "/history?q=cat"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/runs\r\nSet-Cookie: a=b", "/"],
    ["/.//evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/history?q=日本#top", "/history?q=%E6%97%A5%E6%9C%AC#top"],
  ])("%s → %s", (next, expected) => expect(safeNextPath(next)).toBe(expected));
});
