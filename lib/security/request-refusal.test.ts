import { describe, expect, it } from "vitest";
import { decodeRefusal, encodeRefusal, refusalOf } from "./request-refusal";

describe("refusalOf", () => {
  it("refuses TRACE and methods no route serves", () => {
    expect(refusalOf("TRACE", "/")).toEqual({ kind: "method", method: "TRACE" });
    expect(refusalOf("PROPFIND", "/api/runs")).toEqual({ kind: "method", method: "PROPFIND" });
  });

  it("refuses a path that is not valid percent-encoding, whatever the query", () => {
    expect(refusalOf("GET", "/api/runs/%E0%A4%A")).toEqual({ kind: "path", path: "/api/runs/%E0%A4%A" });
    expect(refusalOf("POST", "/g/%?x=1")).toEqual({ kind: "path", path: "/g/%" });
    expect(refusalOf("GET", "/runs/%zz")).toEqual({ kind: "path", path: "/runs/%zz" });
  });

  it("lets everything else through, valid encodings and odd queries included", () => {
    expect(refusalOf("GET", "/api/runs/%61bc")).toBeUndefined();
    expect(refusalOf("HEAD", "/")).toBeUndefined();
    expect(refusalOf("DELETE", "/api/runs/abc?q=%zz")).toBeUndefined();
  });
});

describe("the refusal header", () => {
  it("carries a method or any path there and back as plain ASCII", () => {
    for (const refusal of [
      { kind: "method", method: "TRACE" },
      { kind: "path", path: "/g/%" },
      { kind: "path", path: "/runs/%E0%A4%A/ü" },
    ] as const) {
      const header = encodeRefusal(refusal);
      expect(header).toMatch(/^[\x21-\x7e ]+$/);
      expect(decodeRefusal(header)).toEqual(refusal);
    }
  });

  it("is ignored when it is not one", () => {
    expect(decodeRefusal(null)).toBeUndefined();
    expect(decodeRefusal("nonsense")).toBeUndefined();
    expect(decodeRefusal("path %E0%A4")).toBeUndefined();
  });
});

describe("refusalOf with the addressed host", () => {
  const settings = {
    publicUrl: "https://prism.example.com",
    allowedHosts: ["studio.lan"],
    trustProxy: false,
  };
  const to = (host: string | undefined, forwardedHost?: string, trustProxy = false) => ({
    host,
    forwardedHost,
    settings: { ...settings, trustProxy },
  });

  it("refuses a host Prism does not answer to, except on the probes", () => {
    expect(refusalOf("GET", "/api/runs", to("rebind.attacker.example:3000"))).toEqual({
      kind: "host",
      host: "rebind.attacker.example:3000",
    });
    expect(refusalOf("GET", "/history?x=1", to("10.0.0.5"))).toMatchObject({ kind: "host" });
    expect(refusalOf("GET", "/api/health", to("10.0.0.5"))).toBeUndefined();
    expect(refusalOf("HEAD", "/api/ready?x=1", to("10.0.0.5"))).toBeUndefined();
    expect(refusalOf("GET", "/api/health/", to("10.0.0.5"))).toMatchObject({ kind: "host" });
  });

  it("serves loopback names, PUBLIC_URL's host and the allowed hosts on any port", () => {
    for (const host of [
      "localhost",
      "127.0.0.1:3000",
      "[::1]:80",
      "prism.example.com:8443",
      "Studio.LAN",
      undefined,
    ]) {
      expect(refusalOf("POST", "/api/runs", to(host)), host).toBeUndefined();
    }
    expect(refusalOf("GET", "/", to("127.0.0.2"))).toMatchObject({ kind: "host" });
    expect(refusalOf("GET", "/", to("localhost.attacker.example"))).toMatchObject({ kind: "host" });
  });

  it("checks X-Forwarded-Host instead behind a trusted proxy, and ignores it otherwise", () => {
    expect(refusalOf("GET", "/", to("10.0.0.5", "prism.example.com", true))).toBeUndefined();
    expect(refusalOf("GET", "/", to("localhost", "evil.example", true))).toMatchObject({
      host: "evil.example",
    });
    expect(refusalOf("GET", "/", to("localhost", "evil.example", false))).toBeUndefined();
  });

  it("refuses absolute-form and asterisk-form targets whatever the host", () => {
    expect(refusalOf("GET", "http://evil.example/api/health")).toEqual({
      kind: "target",
      target: "http://evil.example/api/health",
    });
    expect(refusalOf("OPTIONS", "*")).toEqual({ kind: "target", target: "*" });
  });

  it("travels in the header there and back", () => {
    for (const refusal of [
      { kind: "host", host: "rebind.attacker.example:3401" },
      { kind: "target", target: "http://evil.example/ü?x=%zz" },
    ] as const) {
      expect(decodeRefusal(encodeRefusal(refusal))).toEqual(refusal);
    }
  });
});

describe("NUL characters in a page's path", () => {
  it("are refused for pages and images, and left to API routes, which name the parameter", () => {
    expect(refusalOf("GET", "/g/%00")).toEqual({ kind: "nul", path: "/g/%00" });
    expect(refusalOf("GET", "/g/x%00/opengraph-image")).toEqual({
      kind: "nul",
      path: "/g/x%00/opengraph-image",
    });
    expect(refusalOf("GET", "/api/runs/ab%00cd")).toBeUndefined();
    expect(decodeRefusal(encodeRefusal({ kind: "nul", path: "/g/%00" }))).toEqual({
      kind: "nul",
      path: "/g/%00",
    });
  });
});
