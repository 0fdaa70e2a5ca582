import { createServer, type Server } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { createInputFromFile } from "@/lib/inputs/create-input";
import { inputUrlKey, signedInputUrl } from "@/lib/inputs/signed-url";
import { createRun } from "@/lib/jobs/create-run";
import { inputReferences } from "@/lib/jobs/input-references";
import type { ModelDefinition } from "@/lib/models/types";
import { findModel } from "@/lib/models/catalog";
import { startingParams } from "@/lib/models/starting-params";
import { providerDescriptor } from "@/lib/providers/descriptors";
import type { PollResult } from "@/lib/providers/types";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { closeServer, listen } from "@/lib/simulator/http-utils";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { meanColour } from "@/lib/testing/input-image-server";
import { openTestDatabase } from "@/lib/testing/test-database";
import { failureSummary } from "@/lib/views/failure-summary";

// Signed input URLs end to end: Prism signs, a simulated provider fetches the URL from Prism's own
// route (as shortapi and pixazo would over the internet), and the route refuses what it did not sign.

const runtime = vi.hoisted(() => ({
  handle: undefined as DatabaseHandle | undefined,
  root: "",
}));

vi.mock("@/lib/server/runtime", async () => {
  const { createLocalBlobStore: localStore } = await import("@/lib/storage/local-blob-store");
  const { join } = await import("node:path");
  return {
    getDb: async () => runtime.handle!.db,
    getBlobStore: () => localStore(join(runtime.root, "blobs")),
  };
});

let simulator: RunningSimulator;
let prism: Server;
let baseUrl: string;
/** Paths the route was asked for: proof the provider fetched from Prism. */
const served: string[] = [];
const previousPublicUrl = process.env.PUBLIC_URL;

/** Prism's GET /api/inputs/:id/file on a real port, for the simulator to fetch from. */
async function startInputRoute(): Promise<Server> {
  const { GET } = await import("@/app/api/inputs/[id]/file/route");
  const server = createServer((request, response) => {
    served.push(request.url ?? "");
    const url = new URL(request.url ?? "/", baseUrl);
    const id = decodeURIComponent(/^\/api\/inputs\/([^/]+)\/file$/.exec(url.pathname)?.[1] ?? "");
    void GET(new NextRequest(url), { params: Promise.resolve({ id }) }).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await listen(server, 0, "127.0.0.1");
  return server;
}

beforeAll(async () => {
  runtime.handle = await openTestDatabase();
  runtime.root = await mkdtemp(path.join(os.tmpdir(), "prism-signed-inputs-"));
  simulator = await startSimulator({ port: 0, stepMs: 10 });
  prism = await startInputRoute();
  const address = prism.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  process.env.PUBLIC_URL = baseUrl;
});
afterAll(async () => {
  if (previousPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = previousPublicUrl;
  await simulator?.close();
  if (prism) await closeServer(prism);
  await runtime.handle?.close();
  await rm(runtime.root, { recursive: true, force: true });
});
beforeEach(async () => {
  await simulator.control.reset();
  served.length = 0;
});

const db = () => runtime.handle!.db;
const blobStore = () => createLocalBlobStore(path.join(runtime.root, "blobs"));

/** A stored input: a red 400×200 PNG. */
async function redInput() {
  const file = path.join(runtime.root, "red.png");
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#e61414" } })
    .png()
    .toBuffer();
  await writeFile(file, png);
  return createInputFromFile(db(), blobStore(), file);
}

const model = (id: string) => findModel(id) as ModelDefinition;

async function runWith(modelId: string, inputId: string) {
  const params = startingParams(model(modelId));
  const body = createRunBodySchema.parse({
    prompt: "make it blue",
    models: [{ modelId, params }],
    inputs: [inputId],
  });
  return createRun(db(), body);
}

/** Submits one job of the model as the runner would, with the run's inputs, and polls it to the end. */
async function submitEdit(modelId: string, runId: string): Promise<PollResult> {
  const definition = model(modelId);
  const descriptor = providerDescriptor(definition.providerId);
  const provider = descriptor.create({
    apiKey: "sim-key",
    baseUrl: simulator.urls[definition.providerId],
    fetch: globalThis.fetch,
  });
  const inputImages = await inputReferences(
    db(),
    blobStore(),
    runId,
    definition,
    descriptor.inputTransport,
    new Date(Date.now() + 60_000),
  );
  const submitted = await provider.submit({
    modelId,
    prompt: "make it blue",
    params: definition.params.parse(startingParams(definition)) as Record<string, unknown>,
    inputImages,
  });
  if (submitted.state === "done") return { state: "succeeded", outputs: submitted.outputs };
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const result = await provider.poll({ modelId, providerJobId: submitted.providerJobId });
    if (result.state === "succeeded" || result.state === "failed") return result;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("job never finished");
}

describe.each(["shortapi/gpt-image-2-edit", "shortapi/flux-1.0-image-to-image", "pixazo/qwen-image-edit"])(
  "%s with a signed input URL under PUBLIC_URL",
  (modelId) => {
    it("is fetched by the provider from Prism, and the output is derived from the input", async () => {
      const input = await redInput();
      const run = await runWith(modelId, input.id);
      const result = await submitEdit(modelId, run.id);
      expect(result.state).toBe("succeeded");
      expect(served).toEqual([
        expect.stringMatching(new RegExp(`^/api/inputs/${input.id}/file\\?expires=\\d+&signature=`)),
      ]);
      if (result.state !== "succeeded") return;
      const output = Buffer.from(await (await fetch(result.outputs[0]!.url)).arrayBuffer());
      const { r, b } = await meanColour(output);
      expect(r).toBeGreaterThan(b);
    });

    it("fails saying the provider could not fetch the image when the provider cannot reach Prism", async () => {
      await simulator.control.settings({ inputUrls: "refuse" });
      const run = await runWith(modelId, (await redInput()).id);
      const result = await submitEdit(modelId, run.id);
      expect(result).toMatchObject({ state: "failed", error: { code: "input_unreachable" } });
      if (result.state !== "failed") return;
      const provider = model(modelId).providerId;
      expect(failureSummary(provider, result.error.code, result.error.message)).toMatch(
        new RegExp(`^${provider} could not fetch your image`),
      );
    });
  },
);

describe("GET /api/inputs/:id/file", () => {
  it("serves the stored input to a valid signature, privately", async () => {
    const input = await redInput();
    const url = signedInputUrl(baseUrl, input.id, new Date(Date.now() + 60_000), await inputUrlKey(db()));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(response.headers.get("content-type")).toBe("image/png");
    const stored = await blobStore().get(input.blobKey);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(Buffer.from(await new Response(stored!.stream).arrayBuffer()))).toBe(true);
  });

  it("answers 403 in the envelope, never the image, when expired, tampered with or unsigned", async () => {
    const input = await redInput();
    const key = await inputUrlKey(db());
    const expired = signedInputUrl(baseUrl, input.id, new Date(Date.now() - 1_000), key);
    const valid = new URL(signedInputUrl(baseUrl, input.id, new Date(Date.now() + 60_000), key));
    const later = new URL(valid);
    later.searchParams.set("expires", String(Number(valid.searchParams.get("expires")) + 3600));
    const otherKey = signedInputUrl(baseUrl, input.id, new Date(Date.now() + 60_000), Buffer.alloc(32, 7));
    const cases = [
      ["expired", expired, /expired/],
      ["a later expiry", later.href, /not valid/],
      ["another key", otherKey, /not valid/],
      ["no signature", `${baseUrl}/api/inputs/${input.id}/file`, /not valid/],
    ] as const;
    for (const [what, url, message] of cases) {
      const response = await fetch(url);
      expect(response.status, what).toBe(403);
      expect(response.headers.get("content-type"), what).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body.error, what).toMatchObject({ code: "forbidden", message: expect.stringMatching(message) });
    }
  });
});

describe("without PUBLIC_URL", () => {
  it("refuses a run of a URL-fetching edit model with 422 naming the model, and DashScope still runs", async () => {
    const input = await redInput();
    delete process.env.PUBLIC_URL;
    try {
      await expect(runWith("pixazo/qwen-image-edit", input.id)).rejects.toMatchObject({
        status: 422,
        issues: [
          {
            path: "models.0.modelId",
            message:
              "Qwen Image Edit needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image",
          },
        ],
      });
      const run = await runWith("dashscope/qwen-image-edit-plus", input.id);
      expect(await submitEdit("dashscope/qwen-image-edit-plus", run.id)).toMatchObject({
        state: "succeeded",
      });
    } finally {
      process.env.PUBLIC_URL = baseUrl;
    }
  });
});
