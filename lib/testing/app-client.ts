import { setTimeout as sleep } from "node:timers/promises";
import type { CreateGalleryResponse, CreateRunResponse, ModelsResponse, RunView } from "../api/views";
import { isRunFinished } from "../models/job-status";

/** A model of a run body: its id and parameters. */
export interface ModelEntry {
  modelId: string;
  params: Record<string, unknown>;
}

/** A POST /api/runs body: one prompt, or several (the rows of a matrix). */
export interface RunBody {
  prompt?: string;
  prompts?: string[];
  models: (ModelEntry & { label?: string })[];
  seed?: number | null;
}

/**
 * The JSON API of a running Prism, as Playwright specs and the benches call it (plain fetch, so it
 * also runs outside a test runner). Throws on an unexpected status, with the body in the message.
 */
export function appClient(baseUrl: string, headers: Record<string, string> = {}) {
  async function call<T>(method: string, path: string, body?: unknown, expected?: number): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (expected === undefined ? !response.ok : response.status !== expected)
      throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  let defaults: Promise<Map<string, Record<string, unknown>>> | undefined;
  let textOnly: Promise<string[]> | undefined;
  const models = () => call<ModelsResponse>("GET", "/api/models").then((response) => response.models);
  const modelDefaults = () =>
    (defaults ??= models().then((views) => new Map(views.map((model) => [model.id, model.defaults]))));
  // A run without inputs cannot hold a model that needs some (422).
  const textToImageIds = () =>
    (textOnly ??= models().then((views) =>
      views.filter((model) => model.inputImages.min === 0).map((model) => model.id),
    ));

  const getRun = (id: string) => call<RunView>("GET", `/api/runs/${id}`);

  return {
    baseUrl,
    /**
     * Run entries as the playground sends them: each model's defaults, with `overrides` on top.
     * Without overrides every text-to-image model of the catalog; with them, only the models they name.
     */
    async modelEntries(overrides?: Record<string, Record<string, unknown>>): Promise<ModelEntry[]> {
      const all = await modelDefaults();
      return (overrides ? Object.keys(overrides) : await textToImageIds()).map((modelId) => ({
        modelId,
        params: { ...all.get(modelId), ...overrides?.[modelId] },
      }));
    },
    /** POST /api/runs, which must answer 202. */
    createRun: (body: RunBody) => call<CreateRunResponse>("POST", "/api/runs", body, 202),
    getRun,
    /** Polls the run until every job is terminal, and returns it. */
    async waitForRun(id: string, timeoutMs = 90_000): Promise<RunView> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await getRun(id);
        if (isRunFinished(run)) return run;
        if (Date.now() > deadline) throw new Error(`run ${id} not finished within ${timeoutMs} ms`);
        await sleep(50);
      }
    },
    createGallery: (body: unknown) => call<CreateGalleryResponse>("POST", "/api/galleries", body),
  };
}

export type AppClient = ReturnType<typeof appClient>;
