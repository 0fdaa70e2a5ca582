import { expect, test } from "@playwright/test";
import type { CodeSnippetsView } from "@/lib/api/views";
import { createRun } from "../support/runs";
import { E2E_BASE_URL, E2E_PORT } from "../support/env";
import { sendRaw } from "../support/raw-request";

// DNS rebinding: a page on rebind.attacker.example re-points its name at 127.0.0.1 and is then
// same-origin with Prism: Host and Origin both name the attacker, and no cookie is needed in the
// default (no-token) mode. Prism answers only to loopback names, PUBLIC_URL's host and
// PRISM_ALLOWED_HOSTS (lib/security/allowed-hosts.ts); the e2e server sets neither.

const ATTACKER = `rebind.attacker.example:${E2E_PORT}`;
const RUN = {
  prompt: "a lighthouse at dusk",
  models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
};

test("a request addressed to a host Prism does not answer to is a 421, pages, API and static files alike", async () => {
  const asAttacker = { host: ATTACKER, origin: `http://${ATTACKER}` };
  const post = await sendRaw(
    "POST",
    "/api/runs",
    { ...asAttacker, "content-type": "application/json" },
    JSON.stringify(RUN),
  );
  expect(post.status).toBe(421);
  const error = JSON.parse(post.body).error;
  expect(error.code).toBe("misdirected_request");
  expect(error.message).toContain("rebind.attacker.example");
  expect(post.headers["x-content-type-options"]).toBe("nosniff");
  for (const path of [
    "/api/runs",
    "/api/spend",
    "/api/models",
    "/",
    "/history",
    "/g/some-slug",
    "/api/health/",
  ]) {
    const response = await sendRaw("GET", path, asAttacker);
    expect(response.status, path).toBe(421);
    expect(response.headers["content-type"], path).toContain("application/json");
    expect(response.body, path).not.toContain("lighthouse");
  }
  // Behind no trusted proxy, X-Forwarded-Host is not believed either way.
  const forwarded = await sendRaw("GET", "/api/runs", { host: ATTACKER, "x-forwarded-host": "localhost" });
  expect(forwarded.status).toBe(421);
});

test("a load balancer's probes answer by any host; loopback names on any port are served", async () => {
  for (const path of ["/api/health", "/api/ready"]) {
    const response = await sendRaw("GET", path, { host: "10.0.0.7:8080" });
    expect(response.status, path).not.toBe(421);
    expect(response.status, path).toBeLessThan(500);
  }
  for (const host of ["localhost", `localhost:${E2E_PORT}`, "127.0.0.1:1", "[::1]:443", "LOCALHOST:80"]) {
    expect((await sendRaw("GET", "/api/runs", { host })).status, host).toBe(200);
  }
});

// Without PUBLIC_URL a snippet names the host the browser addressed (lib/http/request-origin.test.ts).
test("copy-as-code names PUBLIC_URL whatever host was addressed, and only when Prism answers to it", async () => {
  const id = await createRun(E2E_BASE_URL, RUN);
  const code = await sendRaw("GET", `/api/runs/${id}/code`, { host: `localhost:${E2E_PORT}` });
  expect(code.status).toBe(200);
  const snippets = JSON.stringify(JSON.parse(code.body) as CodeSnippetsView);
  expect(snippets).toContain(E2E_BASE_URL);
  expect(snippets).not.toContain(`http://localhost:${E2E_PORT}`);
  expect((await sendRaw("GET", `/api/runs/${id}/code`, { host: ATTACKER })).status).toBe(421);
});
