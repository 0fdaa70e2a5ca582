import { describe, expect, it } from "vitest";
import { checkInputUrl, signedInputUrl } from "./signed-url";

const KEY = Buffer.alloc(32, 1);
const NOW = new Date("2026-03-01T10:00:00.000Z");

const queryOf = (url: string) => {
  const { searchParams } = new URL(url);
  return { expires: searchParams.get("expires"), signature: searchParams.get("signature") };
};

describe("signed input URLs", () => {
  const url = signedInputUrl("https://prism.example", "input-1", new Date(NOW.getTime() + 60_000), KEY);

  it("are under the base URL and grant their input until they expire", () => {
    expect(url).toMatch(
      /^https:\/\/prism\.example\/api\/inputs\/input-1\/file\?expires=\d+&signature=[\w-]+$/,
    );
    expect(checkInputUrl("input-1", queryOf(url), KEY, NOW)).toBe("valid");
    expect(checkInputUrl("input-1", queryOf(url), KEY, new Date(NOW.getTime() + 60_000))).toBe("expired");
  });

  it("grant nothing for another input, another expiry, another key or a malformed query", () => {
    const query = queryOf(url);
    expect(checkInputUrl("input-2", query, KEY, NOW)).toBe("invalid");
    expect(checkInputUrl("input-1", { ...query, expires: String(Number(query.expires) + 1) }, KEY, NOW)).toBe(
      "invalid",
    );
    expect(checkInputUrl("input-1", query, Buffer.alloc(32, 2), NOW)).toBe("invalid");
    expect(checkInputUrl("input-1", { expires: "soon", signature: query.signature }, KEY, NOW)).toBe(
      "invalid",
    );
    expect(checkInputUrl("input-1", { expires: query.expires, signature: null }, KEY, NOW)).toBe("invalid");
  });
});
