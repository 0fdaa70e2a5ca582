import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findModel } from "@/lib/models/catalog";
import { PROVIDER_IDS } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { snippetBody } from "@/lib/testing/snippet-body";
import { jobCodeBaseUrl, jobCodeScript, jobCodeSnippets, type CodeJob } from "./job-code";
import { renderSnippets } from "./render-snippets";

/**
 * Each snippet's body is what the provider's own adapter sends (as the simulator received it), the
 * key is only ever a variable, and the snippets really run: submit, poll, done.
 */

const KEY = "code-export-canary-key-7f3a";
const LANGUAGES = ["curl", "javascript", "python"] as const;
// Quotes, shell and template metacharacters, a newline and non-Latin text must all survive.
const PROMPT = `a fox's "den" at $HOME, \`ls\` \${x} {a|b} 100% \\ back\nslash — 狐狸 🦊`;

const CASES: { modelId: string; params: Record<string, unknown> }[] = [
  { modelId: "shortapi/z-image", params: { aspect_ratio: "16:9" } },
  { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", performance: "schnell" } },
  { modelId: "pixazo/z-image-base", params: { image_size: "landscape_16_9", num_inference_steps: 16 } },
  { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } },
  { modelId: "dashscope/z-image-turbo", params: { seed: 424242, prompt_extend: true } },
];

function jobFor(modelId: string, params: Record<string, unknown>): CodeJob {
  const model = findModel(modelId);
  if (!model) throw new Error(`no model ${modelId}`);
  const parsed = model.params.parse(params) as Record<string, unknown>;
  const seed = typeof parsed.seed === "number" ? parsed.seed : null;
  return { id: "job-1", providerId: model.providerId, modelId, prompt: PROMPT, params: parsed, seed };
}

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, stepMs: 10 });
});
afterAll(async () => {
  await simulator?.close();
});
beforeEach(async () => {
  await simulator.control.reset();
});

/** What the real adapter sends for this job, as the simulator logged it. */
async function sentByAdapter(job: CodeJob) {
  const adapter = providerDescriptor(job.providerId).create({
    apiKey: KEY,
    baseUrl: simulator.urls[job.providerId],
    fetch: globalThis.fetch,
  });
  await adapter.submit({ modelId: job.modelId, prompt: job.prompt, params: job.params, inputImages: [] });
  const [call] = await simulator.control.calls(job.providerId);
  await simulator.control.clearCalls();
  if (!call) throw new Error("the adapter sent nothing");
  return call;
}

describe.each(CASES)("copy as code: $modelId", ({ modelId, params }) => {
  const job = jobFor(modelId, params);
  const envName = providerDescriptor(job.providerId).env.apiKey;

  it("sends exactly the body and path the adapter sends, in every language", async () => {
    const sent = await sentByAdapter(job);
    const snippets = renderSnippets(await jobCodeScript(job, simulator.urls[job.providerId]));
    for (const language of LANGUAGES) {
      expect(snippetBody(snippets[language], language), language).toEqual(sent.body);
      expect(snippets[language], language).toContain(sent.path);
    }
    if (job.seed !== null) expect(snippets.curl).toContain(`Seed ${job.seed}`);
  });

  it("names the key only as an environment variable", async () => {
    vi.stubEnv(envName, KEY);
    vi.stubEnv("PRISM_SIMULATOR", "off");
    try {
      const snippets = await jobCodeSnippets(job);
      for (const language of LANGUAGES) expect(snippets[language]).not.toContain(KEY);
      expect(snippets.curl).toContain(`$${envName}`);
      expect(snippets.javascript).toContain(`process.env.${envName}`);
      expect(snippets.python).toContain(`os.environ["${envName}"]`);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("copy as code: the URL", () => {
  it("is the provider's documented API when Prism runs on the simulator", () => {
    vi.stubEnv("PRISM_SIMULATOR", "on");
    try {
      for (const providerId of PROVIDER_IDS) {
        const { baseUrl, notes } = jobCodeBaseUrl(providerId);
        expect(baseUrl).toBe(providerDescriptor(providerId).defaultBaseUrl);
        expect(notes.join(" ")).toContain("simulator");
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("includes the poll step for asynchronous providers only", async () => {
    const shortapi = await jobCodeScript(
      jobFor("shortapi/z-image", { aspect_ratio: "1:1" }),
      "https://api.shortapi.ai",
    );
    expect(
      shortapi.requests.map((request) => request.url.filter((part) => typeof part === "string").join("")),
    ).toEqual(["https://api.shortapi.ai/api/v1/job/create", "https://api.shortapi.ai/api/v1/job/query?id="]);
    expect(shortapi.requests[1]!.url).toContainEqual({ saved: "JOB_ID" });
    const pixazo = await jobCodeScript(
      jobFor("pixazo/z-image-turbo", { image_size: "square_1_1" }),
      "https://gateway.pixazo.ai",
    );
    expect(pixazo.requests[1]!.url).toEqual([{ saved: "POLL_URL" }]);
    const dashscope = await jobCodeScript(jobFor("dashscope/z-image-turbo", {}), "https://x.example/api/v1");
    expect(dashscope.requests).toHaveLength(1);
  });
});

const run = promisify(execFile);
async function hasTool(command: string, ...args: string[]): Promise<boolean> {
  return run(command, args).then(
    () => true,
    () => false,
  );
}

describe("copy as code: the snippets run against the simulator", () => {
  let directory: string;
  const tools = { curl: false, javascript: true, python: false };
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "code-export-"));
    tools.curl = (await hasTool("curl", "--version")) && (await hasTool("jq", "--version"));
    tools.python = await hasTool("python3", "-c", "import requests");
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const commands = { curl: ["bash"], javascript: [process.execPath], python: ["python3"] };
  const files = { curl: "request.sh", javascript: "request.mjs", python: "request.py" };

  describe.each(["shortapi/z-image", "pixazo/z-image-turbo", "dashscope/z-image-turbo"])("%s", (modelId) => {
    it.for(LANGUAGES)("%s", async (language, context) => {
      // curl with jq, or Python with requests, may be missing where the tests run.
      if (!tools[language]) context.skip();
      const job = jobFor(modelId, CASES.find((entry) => entry.modelId === modelId)!.params);
      const snippets = renderSnippets(await jobCodeScript(job, simulator.urls[job.providerId]));
      const file = path.join(directory, `${modelId.replace("/", "-")}-${files[language]}`);
      await writeFile(file, snippets[language]);
      const [command, ...args] = commands[language];
      const envName = providerDescriptor(job.providerId).env.apiKey;
      const { stdout } = await run(command!, [...args, file], { env: { ...process.env, [envName]: KEY } });
      // The last answer printed holds the finished job's image URL.
      expect(stdout).toMatch(/https?:\/\/[^"\s]+/);
      expect(stdout).not.toMatch(/"status": "(QUEUED|PROCESSING)"|"status": [01]\b/);
      const [submitted] = await simulator.control.calls(job.providerId);
      expect(submitted?.authOk).toBe(true);
      expect(submitted?.body).toEqual((await sentByAdapter(job)).body);
    });
  });
});

describe("copy as code: an edit job's inputs", () => {
  it.each([
    ["dashscope/qwen-image-edit-plus", {}, "data:image/png;base64,<input-1.png as base64>"],
    ["shortapi/flux-1.0-image-to-image", { aspect_ratio: "1:1" }, "https://example.com/input-1.png"],
    ["pixazo/qwen-image-edit", {}, "https://example.com/input-1.png"],
  ])(
    "%s names input-1.png as a file the reader has, never a Prism URL",
    async (modelId, params, placeholder) => {
      const job = { ...jobFor(modelId, params), inputCount: 3 };
      const script = await jobCodeScript(job, "https://api.example.test");
      const text = JSON.stringify(script);
      expect(text).toContain(placeholder);
      expect(text).not.toMatch(/\/api\/(inputs|files)\//);
      expect(script.intro.join(" ")).toContain("input-1.png");
    },
  );
});
