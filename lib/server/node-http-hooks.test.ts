import { createServer, request as sendRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { REFUSAL_HEADER, REFUSAL_ROUTE } from "@/lib/security/request-refusal";
import { appHttpServer, httpHooksStatus, installNodeHttpHooks, probeRequestHook } from "./node-http-hooks";

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** A server that tells, in a header (HEAD has no body), what its handler saw after the channel's subscribers. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const seen: Seen = { method: request.method, url: request.url, headers: request.headers };
    response.setHeader("x-seen", JSON.stringify(seen)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Sent raw: fetch refuses TRACE and would normalise the path. */
function send(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<Seen>((resolve, reject) => {
    const request = sendRequest({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      resolve(JSON.parse(String(response.headers["x-seen"])) as Seen);
      response.resume();
    });
    request.on("error", reject);
    request.end();
  });
}

describe("node HTTP hooks", () => {
  let app: { server: Server; port: number };
  let other: { server: Server; port: number };

  beforeAll(async () => {
    [app, other] = await Promise.all([echoServer(), echoServer()]);
    // The version guard notices when the channel does not rewrite requests: here, not subscribed yet.
    expect(await probeRequestHook()).toMatchObject({
      active: false,
      reason: expect.stringContaining("TRACE"),
    });
    expect(await httpHooksStatus()).toEqual({ active: false, reason: "not installed" });
    expect(await installNodeHttpHooks(app.port)).toEqual({ active: true });
  });
  afterAll(() => {
    for (const { server } of [app, other]) server.close();
  });

  it("sends a request the app cannot serve to the refusal route, HEAD staying HEAD", async () => {
    expect(await send(app.port, "TRACE", "/")).toMatchObject({
      method: "GET",
      url: REFUSAL_ROUTE,
      headers: { [REFUSAL_HEADER]: "method TRACE" },
    });
    expect(await send(app.port, "HEAD", "/runs/%zz")).toMatchObject({ method: "HEAD", url: REFUSAL_ROUTE });
    expect(await send(app.port, "POST", "/g/%?x=1")).toMatchObject({
      method: "GET",
      url: REFUSAL_ROUTE,
      headers: { [REFUSAL_HEADER]: "path /g/%25" },
    });
  });

  it("drops a refusal header a client sends and leaves a servable request alone", async () => {
    const seen = await send(app.port, "GET", "/api/runs/%61bc", { [REFUSAL_HEADER]: "method TRACE" });
    expect(seen).toMatchObject({ method: "GET", url: "/api/runs/%61bc" });
    expect(seen.headers[REFUSAL_HEADER]).toBeUndefined();
  });

  it("sends a request addressed to a host Prism does not answer to on to the refusal route", async () => {
    expect(await send(app.port, "GET", "/api/runs", { host: "rebind.attacker.example" })).toMatchObject({
      url: REFUSAL_ROUTE,
      headers: { [REFUSAL_HEADER]: "host rebind.attacker.example" },
    });
    expect(await send(app.port, "GET", "/api/health", { host: "10.0.0.7" })).toMatchObject({
      url: "/api/health",
    });
  });

  it("writes the socket's address over a forged peer header and remembers the app's server", async () => {
    const seen = await send(app.port, "GET", "/", { [PEER_ADDRESS_HEADER]: "203.0.113.9" });
    expect(seen.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(appHttpServer()).toBe(app.server);
  });

  it("reports the probe's answer once installed, and installs once", async () => {
    expect(await httpHooksStatus()).toEqual({ active: true });
    expect(await installNodeHttpHooks(other.port)).toEqual({ active: true });
  });

  it("leaves the requests of other servers in the process untouched", async () => {
    expect(await send(other.port, "TRACE", "/runs/%zz", { [REFUSAL_HEADER]: "forged" })).toMatchObject({
      method: "TRACE",
      url: "/runs/%zz",
      headers: { [REFUSAL_HEADER]: "forged" },
    });
    expect((await send(other.port, "GET", "/")).headers[PEER_ADDRESS_HEADER]).toBeUndefined();
  });
});
