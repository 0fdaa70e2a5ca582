import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";
import { E2E_PORT_OFFSET } from "../support/env";

// A public deployment: access token, daily budget and a tight rate limit, on a server of its own.
const ACCESS_TOKEN = "e2e-access-token-7d1f";
// Only a path: the server creates it. Making it here would leak one per process that loads this file.
const dataDir = path.join(os.tmpdir(), `prism-e2e-access-${process.pid}-${Date.now()}`);
const server = new AppServer({
  port: 3710 + E2E_PORT_OFFSET,
  dataDir,
  simulatorPort: 4710 + E2E_PORT_OFFSET,
  env: {
    PRISM_ACCESS_TOKEN: ACCESS_TOKEN,
    PRISM_DAILY_BUDGET_USD: "0.1",
    PRISM_RATE_LIMIT_PER_MINUTE: "3",
    PRISM_ASSUMED_PRICES: "pixazo/z-image-turbo=0.05",
  },
});
const url = (route: string) => `${server.baseUrl}${route}`;
const GPT_IMAGE_RUN = JSON.stringify({
  prompt: "a red kite",
  models: [{ modelId: "shortapi/gpt-image-2", params: {} }],
});
// pixazo publishes no price: the budget counts the assumed one set above.
const UNPRICED_RUN = JSON.stringify({
  prompt: "a red kite",
  models: [{ modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } }],
});
const INVALID_RUN = JSON.stringify({ prompt: "", models: [] });

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);
let session = "";

test.beforeAll(() => server.start());
test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

const withSession = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { cookie: session, "content-type": "application/json", ...init.headers },
});

test("protected API routes answer 401 with the envelope; public ones stay open", async () => {
  for (const [route, method] of [
    ["/api/runs", "GET"],
    ["/api/runs", "POST"],
    ["/api/runs/abc", "GET"],
    ["/api/runs/abc", "DELETE"],
    ["/api/models", "GET"],
    ["/api/spend", "GET"],
    ["/api/galleries", "POST"],
    ["/api/jobs/abc/rerun", "POST"],
    ["/api/jobs/abc/cancel", "POST"],
  ] as const) {
    const response = await fetch(url(route), {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? GPT_IMAGE_RUN : undefined,
    });
    expect(response.status, `${method} ${route}`).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "Sign in with the access token first" },
    });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  }
  expect((await fetch(url("/api/health"))).status).toBe(200);
  expect((await fetch(url("/api/files/ab/missing.png"))).status).toBe(404);
  expect((await fetch(url("/api/callbacks/unknown"), { method: "POST", body: "{}" })).status).toBe(404);
  expect((await fetch(url("/api/galleries/some-slug"))).status).not.toBe(401);
  expect((await fetch(url("/g/some-slug"), { redirect: "manual" })).status).not.toBe(303);
  expect(await (await fetch(url("/api/session"))).json()).toEqual({ accessControl: true, signedIn: false });
});

test("pages send a visitor without a session to /sign-in", async () => {
  for (const route of ["/", "/history", "/runs/abc"]) {
    const response = await fetch(url(route), { redirect: "manual" });
    expect(response.status, route).toBe(303);
    expect(new URL(response.headers.get("location") ?? "", server.baseUrl).pathname).toBe("/sign-in");
  }
  expect((await fetch(url("/sign-in"))).status).toBe(200);
});

test("signing in: a wrong token is refused, the right one sets an httpOnly cookie that is not the token", async () => {
  const form = (token: string) => ({
    method: "POST",
    redirect: "manual" as const,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, next: "/history" }).toString(),
  });
  const wrong = await fetch(url("/api/session"), form("guess"));
  expect(wrong.status).toBe(303);
  expect(wrong.headers.get("location")).toContain("/sign-in?error=1");
  expect(wrong.headers.get("set-cookie")).toBeNull();
  const signInJson = (contentType: string) =>
    fetch(url("/api/session"), {
      method: "POST",
      headers: { "content-type": contentType },
      body: JSON.stringify({ token: "guess" }),
    });
  expect((await signInJson("application/json")).status).toBe(401);
  expect((await signInJson("text/plain")).status).toBe(415);

  // The redirect target is a same-origin path and nothing else, however it is disguised.
  for (const next of [
    "/\t/evil.example",
    "//evil.example",
    "/history\r\nSet-Cookie: a=b",
    "https://evil.example",
  ]) {
    const disguised = await fetch(url("/api/session"), {
      ...form(ACCESS_TOKEN),
      body: new URLSearchParams({ token: ACCESS_TOKEN, next }).toString(),
    });
    expect(disguised.status, JSON.stringify(next)).toBe(303);
    expect(disguised.headers.get("location"), JSON.stringify(next)).toBe("/");
  }

  const right = await fetch(url("/api/session"), form(ACCESS_TOKEN));
  expect(right.status).toBe(303);
  expect(right.headers.get("location")).toBe("/history");
  const cookie = right.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/^prism_session=v1\.\d+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  expect(cookie).not.toContain(ACCESS_TOKEN);
  session = cookie.split(";")[0] ?? "";

  expect((await fetch(url("/api/models"), withSession())).status).toBe(200);
  expect((await fetch(url("/history"), withSession({ redirect: "manual" }))).status).toBe(200);
  expect(await (await fetch(url("/api/session"), withSession())).json()).toEqual({
    accessControl: true,
    signedIn: true,
  });
});

test("the daily budget refuses a run that would pass it, before any provider call", async () => {
  expect(await (await fetch(url("/api/spend"), withSession())).json()).toEqual({
    todayUsd: 0,
    assumedUsd: 0,
    budgetUsd: 0.1,
    unpricedJobs: 0,
    simulated: true,
  });
  expect((await fetch(url("/api/runs"), withSession({ method: "POST", body: GPT_IMAGE_RUN }))).status).toBe(
    202,
  );
  const refused = await fetch(url("/api/runs"), withSession({ method: "POST", body: GPT_IMAGE_RUN }));
  expect(refused.status).toBe(402);
  const { error } = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("budget_exceeded");
  expect(error.message).toContain("daily budget of $0.100 (PRISM_DAILY_BUDGET_USD)");
  expect(await (await fetch(url("/api/spend"), withSession())).json()).toMatchObject({
    todayUsd: 0.06,
    budgetUsd: 0.1,
  });
});

test("creating runs is rate limited per client: 429 with Retry-After; a forged X-Forwarded-For does not help", async () => {
  // Two of this client's three runs a minute are used above (one accepted, one over budget).
  // The third: a model without a published price is held to the budget by its assumed price.
  const third = await fetch(url("/api/runs"), withSession({ method: "POST", body: UNPRICED_RUN }));
  expect(third.status).toBe(402);
  expect(((await third.json()) as { error: { message: string } }).error.message).toContain("assumed prices");
  const limited = await fetch(
    url("/api/runs"),
    withSession({ method: "POST", body: GPT_IMAGE_RUN, headers: { "x-forwarded-for": "198.51.100.23" } }),
  );
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  // Invalid requests are refused for what they are, before the limit.
  expect((await fetch(url("/api/runs"), withSession({ method: "POST", body: INVALID_RUN }))).status).toBe(
    422,
  );
});

test("signing out ends the session", async () => {
  const response = await fetch(url("/api/session"), withSession({ method: "DELETE" }));
  expect(response.status).toBe(204);
  expect(response.headers.get("set-cookie")).toContain("Max-Age=0");
});
