import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import type { CodeSnippetsView, CreateRunResponse } from "@/lib/api/views";
import { appClient } from "@/lib/testing/app-client";
import { snippetBody } from "@/lib/testing/snippet-body";
import { E2E_BASE_URL, e2eSimulator } from "../support/env";

// Copy as code and the contact sheet through the real server: the shared e2e server runs on the
// simulator, so a job's code must name the provider's public API, and a run's code must start the
// same matrix when run as it is.

const api = appClient(E2E_BASE_URL);
const MATRIX = {
  prompts: ["a brass compass on a map", "a paper crane on a desk"],
  models: [
    { modelId: "shortapi/z-image", params: { aspect_ratio: "4:3" } },
    { modelId: "pixazo/z-image-turbo", params: { image_size: "landscape_4_3" } },
  ],
  seed: 99,
};

test.afterEach(async () => {
  await e2eSimulator.reset();
});

test("a run's jobs, its matrix and its contact sheet export as code and as a PNG", async () => {
  test.setTimeout(120_000);
  const { id } = await api.createRun(MATRIX);
  const run = await api.waitForRun(id);

  const shortapiJob = run.jobs.find((job) => job.modelId === "shortapi/z-image")!;
  const jobCode = await (await fetch(`${E2E_BASE_URL}/api/jobs/${shortapiJob.id}/code`)).json();
  expect(jobCode.curl).toContain("https://api.shortapi.ai/api/v1/job/create");
  expect(jobCode.curl).toContain("Bearer $SHORTAPI_KEY");
  expect(jobCode.curl).toContain("job/query?id=$JOB_ID");
  expect(snippetBody(jobCode.python, "python")).toMatchObject({
    model: expect.any(String),
    args: { prompt: shortapiJob.prompt, aspect_ratio: "4:3" },
  });
  const pixazoJob = run.jobs.find((job) => job.modelId === "pixazo/z-image-turbo")!;
  const pixazoCode: CodeSnippetsView = await (
    await fetch(`${E2E_BASE_URL}/api/jobs/${pixazoJob.id}/code`)
  ).json();
  expect(pixazoCode.javascript).toContain(
    "https://gateway.pixazo.ai/z-image-turbo-834/v1/z-image-turbo-request",
  );
  expect(pixazoCode.javascript).toContain("process.env.PIXAZO_API_KEY");
  expect(pixazoCode.javascript).toContain("answer.polling_url");

  // The run's code, run as it is with Node, starts a new run of the same matrix.
  const runCode: CodeSnippetsView = await (await fetch(`${E2E_BASE_URL}/api/runs/${id}/code`)).json();
  const directory = await mkdtemp(path.join(tmpdir(), "prism-run-code-"));
  try {
    const file = path.join(directory, "request.mjs");
    await writeFile(file, runCode.javascript);
    const { stdout } = await promisify(execFile)(process.execPath, [file]);
    const created = JSON.parse(stdout) as CreateRunResponse;
    const again = await api.getRun(created.id);
    expect(again.prompts).toEqual(MATRIX.prompts);
    expect(again.seed).toBe(99);
    expect(again.configs.map((config) => config.label)).toEqual(run.configs.map((config) => config.label));
    await api.waitForRun(created.id);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }

  const sheet = await fetch(`${E2E_BASE_URL}/api/runs/${id}/contact-sheet`);
  expect(sheet.status).toBe(200);
  expect(sheet.headers.get("content-type")).toBe("image/png");
  expect(sheet.headers.get("content-disposition")).toContain("a-brass-compass-on-a-map-contact-sheet.png");
  const metadata = await sharp(Buffer.from(await sheet.arrayBuffer())).metadata();
  expect(metadata.format).toBe("png");
  expect(metadata.width).toBeGreaterThan(800);

  const zip = unzipSync(
    new Uint8Array(await (await fetch(`${E2E_BASE_URL}/api/runs/${id}/download`)).arrayBuffer()),
  );
  expect(Object.keys(zip)).toContain("contact-sheet.png");
  expect(JSON.parse(strFromU8(zip["manifest.json"]!)).images).toHaveLength(4);
});

test("unknown ids are 404 in the error envelope", async () => {
  for (const route of ["/api/jobs/nope/code", "/api/runs/nope/code", "/api/runs/nope/contact-sheet"]) {
    const response = await fetch(`${E2E_BASE_URL}${route}`);
    expect(response.status, route).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
});
