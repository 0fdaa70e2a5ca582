import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { createRun } from "@/lib/jobs/create-run";
import { snippetBody } from "@/lib/testing/snippet-body";
import { openTestDatabase } from "@/lib/testing/test-database";
import { getRunView } from "@/lib/views/run-views";
import { runCodeSnippets } from "./run-code";

const LANGUAGES = ["curl", "javascript", "python"] as const;
const ORIGIN = "https://prism.example.com";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function storedRun(body: unknown) {
  const created = await createRun(handle.db, createRunBodySchema.parse(body));
  const run = await getRunView(handle.db, created.id);
  if (!run) throw new Error("run not stored");
  return run;
}

const MATRIX = {
  prompts: ["a red fox in watercolor", `a blue fox's "den" in pixel art`, "狐狸 at dusk"],
  models: [
    { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", performance: "schnell" } },
    { modelId: "shortapi/flux-1.0", params: { aspect_ratio: "1:1", performance: "dev" } },
    { modelId: "dashscope/z-image-turbo", params: { prompt_extend: true }, label: "DashScope, rewritten" },
  ],
};

describe("GET /api/runs/:id/code", () => {
  it("sends a body that validates and asks for the same matrix, in every language", async () => {
    const run = await storedRun({ ...MATRIX, seed: 1234 });
    const snippets = runCodeSnippets(run, ORIGIN, false);
    for (const language of LANGUAGES) {
      const body = createRunBodySchema.parse(snippetBody(snippets[language], language));
      expect(body.prompts, language).toEqual(run.prompts);
      expect(body.seed).toBe(1234);
      expect(
        body.models.map(({ model, params, label }) => ({ modelId: model.id, params, label })),
        language,
      ).toEqual(run.configs.map(({ modelId, params, label }) => ({ modelId, params, label })));
      expect(snippets[language]).toContain(`${ORIGIN}/api/runs`);
      expect(snippets[language]).not.toContain("PRISM_ACCESS_TOKEN");
    }
    expect(run.configs.map((config) => config.label)).toEqual([
      "FLUX.1 · schnell",
      "FLUX.1 · dev",
      "DashScope, rewritten",
    ]);
  });

  it("keeps seeds random when the run did not lock one", async () => {
    const run = await storedRun(MATRIX);
    const snippets = runCodeSnippets(run, ORIGIN, false);
    const body = createRunBodySchema.parse(snippetBody(snippets.python, "python"));
    expect(body.seed).toBeNull();
    expect(snippets.curl).toContain("random");
  });

  it("signs in with the access token as a variable when one is configured", async () => {
    const run = await storedRun({ prompt: "one fox", models: [MATRIX.models[0]] });
    const snippets = runCodeSnippets(run, ORIGIN, true);
    expect(snippets.curl).toContain(`${ORIGIN}/api/session`);
    expect(snippets.curl).toContain("$PRISM_ACCESS_TOKEN");
    expect(snippets.curl).toContain("-b prism-cookies.txt");
    expect(snippets.javascript).toContain("process.env.PRISM_ACCESS_TOKEN");
    expect(snippets.javascript).toContain('"Cookie": cookie');
    expect(snippets.python).toContain('os.environ["PRISM_ACCESS_TOKEN"]');
    const body = createRunBodySchema.parse(snippetBody(snippets.javascript, "javascript"));
    expect(body.prompts).toEqual(["one fox"]);
  });
});
