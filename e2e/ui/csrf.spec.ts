import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer } from "@/lib/testing/app-server";

// A page on another port of the same host is the same site, so the browser sends the
// SameSite=Lax session cookie with its requests. It must still not change anything in Prism.
const ACCESS_TOKEN = "e2e-csrf-token-41c9";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "prism-e2e-csrf-"));
const server = new AppServer({
  port: 3730,
  dataDir,
  simulatorPort: 4730,
  env: { PRISM_ACCESS_TOKEN: ACCESS_TOKEN },
});
const ATTACK_PROMPT = "forged by another site";
const forgedRun = JSON.stringify({
  prompt: ATTACK_PROMPT,
  models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
});

/** The attacker's page: a form that posts JSON as text/plain, no-cors fetches, and a forged share. */
function attackPage(app: string, victimRunId: string): string {
  // name + "=" + value makes valid JSON: {..., "pad": "=x"}.
  const formName = `${forgedRun.slice(0, -1)},"pad":"`;
  const forgedGallery = JSON.stringify({ title: "leaked", runIds: [victimRunId] });
  return `<!doctype html><html><body>
<iframe name="sink" title="sink"></iframe>
<form id="form" method="post" action="${app}/api/runs" enctype="text/plain" target="sink">
  <input name='${formName}' value='x"}'>
</form>
<script>
  const attempts = [];
  const attempt = (name, run) => attempts.push(run().then(() => name + ": sent", (error) => name + ": " + error));
  attempt("form", () => new Promise((resolve) => {
    document.querySelector("iframe").addEventListener("load", resolve, { once: true });
    document.getElementById("form").submit();
  }));
  attempt("no-cors run", () => fetch("${app}/api/runs", { method: "POST", mode: "no-cors", credentials: "include", body: ${JSON.stringify(forgedRun)} }));
  attempt("no-cors gallery", () => fetch("${app}/api/galleries", { method: "POST", mode: "no-cors", credentials: "include", body: ${JSON.stringify(forgedGallery)} }));
  attempt("no-cors delete", () => fetch("${app}/api/runs/${victimRunId}", { method: "DELETE", mode: "no-cors", credentials: "include" }));
  attempt("cors gallery", () => fetch("${app}/api/galleries", { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: ${JSON.stringify(forgedGallery)} }));
  Promise.all(attempts).then((results) => { window.attackResults = results; });
</script>
</body></html>`;
}

let attacker: Server;
let attackerOrigin = "";
let victimRunId = "";

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  attacker = createServer((request, response) => {
    const html = attackPage(server.baseUrl, victimRunId);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => attacker.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

test("a signed-in browser visiting a page on another port creates, deletes and shares nothing", async ({
  page,
}) => {
  // The sign-in form still works from the app's own origin.
  await page.goto(`${server.baseUrl}/sign-in?next=/history`);
  await page.getByLabel("Access token").fill(ACCESS_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/history`);

  // The context's request client shares the browser's cookies: the victim's own private run.
  const api = page.context().request;
  const created = await api.post(`${server.baseUrl}/api/runs`, {
    data: {
      prompt: "a private sketch",
      models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
    },
  });
  expect(created.status()).toBe(202);
  victimRunId = ((await created.json()) as { id: string }).id;
  // Only a run with stored images can be shared: a forged share must fail for want of a guard alone.
  await expect
    .poll(async () => {
      const run = (await (await api.get(`${server.baseUrl}/api/runs/${victimRunId}`)).json()) as {
        jobs: { status: string }[];
      };
      return run.jobs.map((job) => job.status);
    })
    .toEqual(["succeeded"]);

  await page.goto(`${attackerOrigin}/attack.html`);
  const results = await page.waitForFunction(() => (window as { attackResults?: string[] }).attackResults);
  expect(await results.jsonValue()).toHaveLength(5);

  const runs = (await (await api.get(`${server.baseUrl}/api/runs`)).json()) as { runs: { prompt: string }[] };
  // Soft: a broken guard reports every attack that got through, not only the first.
  expect
    .soft(
      runs.runs.map((run) => run.prompt),
      "forged runs",
    )
    .toEqual(["a private sketch"]);
  expect.soft((await api.get(`${server.baseUrl}/api/runs/${victimRunId}`)).status(), "deleted run").toBe(200);
  const galleries = (await (await api.get(`${server.baseUrl}/api/galleries`)).json()) as {
    galleries: unknown[];
  };
  expect.soft(galleries.galleries, "forged public gallery").toEqual([]);
});
