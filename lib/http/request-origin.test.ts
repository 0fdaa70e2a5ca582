import { describe, expect, it } from "vitest";
import { headersOrigin } from "./request-origin";

const allowedHosts = ["studio.example", "10.0.0.5"];
const direct = { publicUrl: undefined, allowedHosts, trustProxy: false };
const proxied = { publicUrl: undefined, allowedHosts, trustProxy: true };

describe("headersOrigin", () => {
  it("is PUBLIC_URL when set, whatever the request says", () => {
    const headers = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(
      headersOrigin(headers, { publicUrl: "https://prism.example", allowedHosts: [], trustProxy: true }),
    ).toBe("https://prism.example");
  });

  it("is the host the browser addressed", () => {
    expect(headersOrigin(new Headers({ host: "Studio.Example:3000" }), direct)).toBe(
      "http://studio.example:3000",
    );
    expect(headersOrigin(new Headers({ host: "[::1]:3000" }), direct)).toBe("http://[::1]:3000");
  });

  it("is https when a TLS-terminating proxy says so", () => {
    const headers = new Headers({ host: "studio.example", "x-forwarded-proto": "https" });
    expect(headersOrigin(headers, direct)).toBe("https://studio.example");
  });

  it("believes X-Forwarded-Host only behind our own proxy, and then its last entry", () => {
    const headers = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "spoofed.example, studio.example",
      "x-forwarded-proto": "https",
    });
    expect(headersOrigin(headers, direct)).toBe("https://10.0.0.5:3000");
    expect(headersOrigin(headers, proxied)).toBe("https://studio.example");
  });

  it("is never a host Prism does not answer to (DNS rebinding)", () => {
    expect(headersOrigin(new Headers({ host: "rebind.attacker.example:3401" }), direct)).toBeUndefined();
    const forwarded = new Headers({ host: "studio.example", "x-forwarded-host": "rebind.attacker.example" });
    expect(headersOrigin(forwarded, proxied)).toBeUndefined();
    expect(headersOrigin(new Headers({ host: "localhost:3000" }), { ...direct, allowedHosts: [] })).toBe(
      "http://localhost:3000",
    );
  });

  it("is undefined without a well-formed host", () => {
    expect(headersOrigin(new Headers(), direct)).toBeUndefined();
    expect(headersOrigin(new Headers({ host: "a.example/evil" }), direct)).toBeUndefined();
    expect(headersOrigin(new Headers({ host: "a.example@b" }), direct)).toBeUndefined();
  });
});
