import { setTimeout as sleep } from "node:timers/promises";
import type { paths } from "../api/openapi-types";
import { isRunFinished } from "../models/job-status";
import { assertMatchesContract } from "./api-contract";

/**
 * The JSON API of a running Prism, as Playwright specs and the benches call it (plain fetch, so it
 * also runs outside a test runner), typed by the client types generated from the OpenAPI document
 * (lib/api/openapi-types.ts). Every answer is checked against the document (api-contract.ts), so
 * every spec that uses it is a contract test too. Throws on an unexpected status, with the body.
 */

type Method = "get" | "post" | "patch" | "delete";
/** The JSON body the document gives `method path` for `status`. */
type JsonAnswer<P extends keyof paths, M extends Method, S extends number> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends Record<S, { content: { "application/json": infer J } }>
    ? J
    : never
  : never;
type JsonBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

export type RunView = JsonAnswer<"/api/runs/{id}", "get", 200>;
export type CreateRunResponse = JsonAnswer<"/api/runs", "post", 202>;
/** A POST /api/runs body: one prompt, or several (the rows of a matrix). */
export type RunBody = Omit<JsonBody<"/api/runs", "post">, "models"> & {
  models: (ModelEntry & { label?: string })[];
};

/** A model of a run body: its id and parameters. */
export interface ModelEntry {
  modelId: string;
  params: Record<string, unknown>;
}

export interface AppClientOptions {
  /** Check every answer against the OpenAPI document (default). Benches turn it off: they time the server. */
  contract?: boolean;
}

export function appClient(
  baseUrl: string,
  headers: Record<string, string> = {},
  { contract = true }: AppClientOptions = {},
) {
  async function call<T>(method: Method, path: string, body?: unknown, expected?: number): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: method.toUpperCase(),
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const contentType = response.headers.get("content-type");
    const json =
      text && contentType?.startsWith("application/json") ? (JSON.parse(text) as unknown) : undefined;
    if (contract) assertMatchesContract(method, path, response.status, contentType, json);
    if (expected === undefined ? !response.ok : response.status !== expected)
      throw new Error(`${method.toUpperCase()} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return json as T;
  }

  let defaults: Promise<Map<string, Record<string, unknown>>> | undefined;
  let textOnly: Promise<string[]> | undefined;
  const models = () =>
    call<JsonAnswer<"/api/models", "get", 200>>("get", "/api/models").then((response) => response.models);
  const modelDefaults = () =>
    (defaults ??= models().then((views) => new Map(views.map((model) => [model.id, model.defaults]))));
  // A run without inputs cannot hold a model that needs some (422).
  const textToImageIds = () =>
    (textOnly ??= models().then((views) =>
      views.filter((model) => model.inputImages.min === 0).map((model) => model.id),
    ));

  const getRun = (id: string) => call<RunView>("get", `/api/runs/${encodeURIComponent(id)}`);

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
    createRun: (body: RunBody) => call<CreateRunResponse>("post", "/api/runs", body, 202),
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
    createGallery: (body: JsonBody<"/api/galleries", "post">) =>
      call<JsonAnswer<"/api/galleries", "post", 201>>("post", "/api/galleries", body),
    /** Any other call of the document, checked against it like the rest. */
    call,
  };
}

export type AppClient = ReturnType<typeof appClient>;
