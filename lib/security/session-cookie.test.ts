import { describe, expect, it } from "vitest";
import { createSessionValue, isValidSession, SESSION_MAX_AGE_SECONDS, tokenMatches } from "./session-cookie";

const TOKEN = "correct horse battery staple";
const now = new Date("2026-03-01T12:00:00Z");

describe("session cookie", () => {
  it("matches only the exact token", () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN} `, TOKEN)).toBe(false);
    expect(tokenMatches("", TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.slice(0, 5), TOKEN)).toBe(false);
  });
});

describe("session cookie", () => {
  it("holds an expiry and an HMAC, never the token", () => {
    const value = createSessionValue(TOKEN, now);
    expect(value).toMatch(/^v1\.\d+\.[\w-]{43}$/);
    expect(value).not.toContain(TOKEN);
    expect(isValidSession(value, TOKEN, now)).toBe(true);
  });

  it("is refused once expired", () => {
    const value = createSessionValue(TOKEN, now);
    const later = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(isValidSession(value, TOKEN, later)).toBe(false);
  });

  it("is refused after the token changes, and when tampered with", () => {
    const value = createSessionValue(TOKEN, now);
    expect(isValidSession(value, "another token", now)).toBe(false);
    const [version, expires, signature] = value.split(".");
    expect(isValidSession(`${version}.${Number(expires) + 86_400}.${signature}`, TOKEN, now)).toBe(false);
    expect(isValidSession(`${version}.${expires}.${signature?.slice(1)}`, TOKEN, now)).toBe(false);
    expect(isValidSession(undefined, TOKEN, now)).toBe(false);
    expect(isValidSession("v1..", TOKEN, now)).toBe(false);
    expect(isValidSession(TOKEN, TOKEN, now)).toBe(false);
  });
});
