import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { contractViolation } from "@/lib/testing/api-contract";
import { appClient } from "@/lib/testing/app-client";
import { AppServer } from "@/lib/testing/app-server";
import { E2E_PORT_OFFSET } from "../support/env";

// Scripts sign in like scripts: a server with an access token, driven with a bearer token by curl-like
// requests and by the Python example (only `requests`, Debian's python3-requests).
const ACCESS_TOKEN = "e2e-script-token-51c0";
const dataDir = path.join(os.tmpdir(), `prism-e2e-scripts-${process.pid}-${Date.now()}`);
const server = new AppServer({
  port: 3740 + E2E_PORT_OFFSET,
  dataDir,
  simulatorPort: 4740 + E2E_PORT_OFFSET,
  env: { PRISM_ACCESS_TOKEN: ACCESS_TOKEN },
});
const url = (route: string) => `${server.baseUrl}${route}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(() => server.start());
test.afterAll(async () => {
  await server.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

test("the document and the reference are public; the API takes the bearer token", async () => {
  for (const route of ["/api/openapi.json", "/docs/api"])
    expect((await fetch(url(route))).status, route).toBe(200);
  expect((await fetch(url("/api/models"))).status).toBe(401);
  const models = await fetch(url("/api/models"), { headers: bearer(ACCESS_TOKEN) });
  expect(models.status).toBe(200);
  const session = await fetch(url("/api/session"), { headers: bearer(ACCESS_TOKEN) });
  expect(await session.json()).toEqual({ accessControl: true, signedIn: true });
});

test("the CSRF guard is unchanged: a bearer request sent by another site's page is refused", async () => {
  const client = appClient(server.baseUrl, bearer(ACCESS_TOKEN));
  const [model] = await client.modelEntries({ "dashscope/z-image-turbo": {} });
  const body = JSON.stringify({ prompt: "a kite", models: [model] });
  const crossSite = await fetch(url("/api/runs"), {
    method: "POST",
    headers: { ...bearer(ACCESS_TOKEN), "content-type": "application/json", origin: "https://evil.example" },
    body,
  });
  expect(crossSite.status).toBe(403);
  const fromScript = await fetch(url("/api/runs"), {
    method: "POST",
    headers: { ...bearer(ACCESS_TOKEN), "content-type": "application/json" },
    body,
  });
  expect(fromScript.status).toBe(202);
});

test("a wrong bearer token counts against the sign-in limit, a right one does not", async () => {
  // More right requests than the limit allows attempts: none of them counts.
  for (let index = 0; index < 12; index += 1) {
    expect((await fetch(url("/api/spend"), { headers: bearer(ACCESS_TOKEN) })).status).toBe(200);
  }
  const wrong = () => fetch(url("/api/spend"), { headers: bearer("not-the-token") });
  for (let index = 0; index < 10; index += 1) {
    const response = await wrong();
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  }
  const limited = await wrong();
  expect(limited.status).toBe(429);
  expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  // The same limit as the sign-in form, and the right token still works.
  const signIn = await fetch(url("/api/session"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: "not-the-token" }),
  });
  expect(signIn.status).toBe(429);
  expect((await fetch(url("/api/spend"), { headers: bearer(ACCESS_TOKEN) })).status).toBe(200);
  expect(readFileSync(path.join(dataDir, "server.log"), "utf8")).not.toContain("not-the-token");
});

test("a Python script with only requests runs a 2 × 2 matrix to the end and downloads its ZIP", async () => {
  const zipFile = path.join(dataDir, "matrix.zip");
  const { stdout } = await promisify(execFile)(
    "/usr/bin/python3",
    [path.join(process.cwd(), "scripts", "examples", "run-matrix.py"), zipFile],
    { env: { ...process.env, PRISM_URL: server.baseUrl, PRISM_ACCESS_TOKEN: ACCESS_TOKEN } },
  );
  const result = JSON.parse(stdout) as { jobs: string[]; images: number };
  expect(result.jobs).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
  const files = Object.keys(unzipSync(readFileSync(zipFile)));
  expect(files).toContain("manifest.json");
  expect(
    files.filter((name) => /\.(png|jpe?g|webp)$/.test(name) && name !== "contact-sheet.png"),
  ).toHaveLength(result.images);
  expect(result.images).toBeGreaterThanOrEqual(4);
});

test("every answer of the client is checked against the document: a wrong field in a view fails", async () => {
  const client = appClient(server.baseUrl, bearer(ACCESS_TOKEN));
  const { id } = await client.createRun({
    prompt: "a kite",
    models: await client.modelEntries({ "dashscope/z-image-turbo": {} }),
  });
  const run = await client.waitForRun(id);
  expect(contractViolation("GET", `/api/runs/${id}`, 200, "application/json", run)).toBeUndefined();
  const [job] = run.jobs;
  const wrongField = {
    ...run,
    jobs: [{ ...job, images: job!.images.map(({ width, ...image }) => ({ ...image, widht: width })) }],
  };
  expect(contractViolation("GET", `/api/runs/${id}`, 200, "application/json", wrongField)).toMatch(
    /\/jobs\/0\/images\/0 must have required property 'width'/,
  );
  const wrongType = { ...run, jobs: [{ ...job, status: "done" }] };
  expect(contractViolation("GET", `/api/runs/${id}`, 200, "application/json", wrongType)).toMatch(
    /\/jobs\/0\/status/,
  );
});
