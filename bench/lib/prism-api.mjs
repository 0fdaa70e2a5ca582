import { setTimeout as sleep } from "node:timers/promises";

/** Small calls to the app that several benches share (the simulator's are startApp().control). */

/** A typical run: the playground's three default models. */
export const THREE_MODELS = {
  "shortapi/z-image": {},
  "pixazo/z-image-turbo": {},
  "dashscope/z-image-turbo": {},
};

/** The simulator takes any non-empty key. */
export const PIXAZO_KEY = { "Ocp-Apim-Subscription-Key": "bench" };
export const PIXAZO_SUBMIT_PATH = "/z-image-turbo-834/v1/z-image-turbo-request";
export const PIXAZO_STATUS_PREFIX = "/v2/requests/status/";

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const defaultsByOrigin = new Map();

/** Each model's default parameters, as the playground's form starts with them. */
export async function modelDefaults(origin) {
  if (!defaultsByOrigin.has(origin)) {
    const { models } = await call("GET", `${origin}/api/models`);
    defaultsByOrigin.set(origin, Object.fromEntries(models.map((model) => [model.id, model.defaults])));
  }
  return defaultsByOrigin.get(origin);
}

/**
 * POST /api/runs; `models` maps a model id to the params that differ from its defaults.
 * Returns { id, jobs }.
 */
export async function createRun(origin, prompt, models) {
  const defaults = await modelDefaults(origin);
  const entries = Object.entries(models).map(([modelId, params]) => ({
    modelId,
    params: { ...defaults[modelId], ...params },
  }));
  return call("POST", `${origin}/api/runs`, { prompt, models: entries });
}

export function getRun(origin, id) {
  return call("GET", `${origin}/api/runs/${id}`);
}

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

/** Polls the run until every job is terminal; throws if one did not succeed. */
export async function waitForRunSucceeded(origin, id, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = await getRun(origin, id);
    if (run.jobs.every((job) => TERMINAL.has(job.status))) {
      const failed = run.jobs.find((job) => job.status !== "succeeded");
      if (failed)
        throw new Error(`run ${id}: ${failed.modelId} ${failed.status} ${JSON.stringify(failed.error)}`);
      return run;
    }
    await sleep(50);
  }
  throw new Error(`run ${id} not finished within ${timeoutMs} ms`);
}

/** POST /api/galleries; returns { slug, url }. */
export function createGallery(origin, body) {
  return call("POST", `${origin}/api/galleries`, body);
}
