import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, safeFetch, type SafeFetchPolicy } from "./safe-fetch";

let server: http.Server;
let origin: string;
let host: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/ok") return response.end("hello");
    if (path.startsWith("/redirect/")) {
      const left = Number(path.split("/")[2]);
      response.writeHead(302, { location: left > 0 ? `/redirect/${left - 1}` : "/ok" });
      return response.end();
    }
    if (path === "/elsewhere") {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
      return response.end();
    }
    if (path === "/big") return response.end(Buffer.alloc(2048));
    if (path === "/big-chunked") {
      response.write(Buffer.alloc(1024));
      response.write(Buffer.alloc(1024));
      return response.end();
    }
    if (path === "/hang") return response.write("partial");
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const policy = (overrides: Partial<SafeFetchPolicy> = {}): SafeFetchPolicy => ({
  allowedHosts: [],
  trustedHosts: [host],
  maxBytes: 1500,
  totalTimeoutMs: 5_000,
  idleTimeoutMs: 300,
  maxRedirects: 3,
  ...overrides,
});

describe("safeFetch", () => {
  it("fetches from the provider's configured host even though it is loopback", async () => {
    const response = await safeFetch(`${origin}/ok`, policy());
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello");
  });

  it("refuses loopback when the host is not the provider's configured one", async () => {
    await expect(
      safeFetch(`${origin}/ok`, policy({ trustedHosts: [], allowedHosts: ["127.0.0.1"] })),
    ).rejects.toMatchObject({
      code: "blocked_address",
    });
  });

  it("refuses a name that resolves to a private address, checked at connect time", async () => {
    await expect(
      safeFetch("http://localhost:1/ok", policy({ trustedHosts: [], allowedHosts: ["localhost"] })),
    ).rejects.toMatchObject({
      code: "blocked_address",
    });
  });

  it("refuses hosts that do not belong to the provider and non-http schemes", async () => {
    await expect(safeFetch("https://evil.example.com/x.png", policy())).rejects.toMatchObject({
      code: "blocked_url",
    });
    await expect(safeFetch("file:///etc/passwd", policy())).rejects.toMatchObject({ code: "blocked_url" });
    await expect(
      safeFetch("ftp://pub-1.r2.dev/x", policy({ allowedHosts: [".r2.dev"] })),
    ).rejects.toMatchObject({
      code: "blocked_url",
    });
  });

  it("matches domain suffix rules without matching look-alikes", async () => {
    await expect(
      safeFetch("https://pub-1.r2.dev.evil.com/x", policy({ allowedHosts: [".r2.dev"] })),
    ).rejects.toMatchObject({
      code: "blocked_url",
    });
  });

  it("follows at most the allowed number of redirects", async () => {
    expect((await safeFetch(`${origin}/redirect/2`, policy())).body.toString()).toBe("hello");
    await expect(safeFetch(`${origin}/redirect/3`, policy())).rejects.toMatchObject({
      code: "too_many_redirects",
    });
  });

  it("checks every redirect target", async () => {
    await expect(safeFetch(`${origin}/elsewhere`, policy())).rejects.toMatchObject({ code: "blocked_url" });
  });

  it("caps the body size, declared or streamed", async () => {
    await expect(safeFetch(`${origin}/big`, policy())).rejects.toMatchObject({ code: "too_large" });
    await expect(safeFetch(`${origin}/big-chunked`, policy())).rejects.toMatchObject({ code: "too_large" });
  });

  it("gives up on a server that stops sending", async () => {
    await expect(safeFetch(`${origin}/hang`, policy())).rejects.toMatchObject({ code: "timeout" });
  });

  it("returns error statuses for the caller to judge", async () => {
    expect((await safeFetch(`${origin}/missing`, policy())).status).toBe(404);
  });
});

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "0.0.0.0",
  ])("treats %s as private", (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(["8.8.8.8", "104.16.0.1", "2606:4700::1111"])("treats %s as public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});
