import { PIXAZO_STATUS_PREFIX, PIXAZO_SUBMIT_PATHS } from "../../lib/providers/pixazo/wire.ts";
import { appClient } from "../../lib/testing/app-client.ts";

/** Small calls to the app that several benches share (the simulator's are startApp().control). */

/** A typical run: the playground's three default models. */
export const THREE_MODELS = {
  "shortapi/z-image": {},
  "pixazo/z-image-turbo": {},
  "dashscope/z-image-turbo": {},
};

/** The simulator takes any non-empty key. */
export const PIXAZO_KEY = { "Ocp-Apim-Subscription-Key": "bench" };
/** The Turbo model's submit path, as the adapter sends it. */
export const PIXAZO_SUBMIT_PATH = PIXAZO_SUBMIT_PATHS["z-image-turbo-834"];
export { PIXAZO_STATUS_PREFIX };

const clients = new Map();

/** One client per origin, so each model's defaults are read once. */
function clientOf(origin) {
  // The benches time the server: no contract checks on the client side.
  if (!clients.has(origin)) clients.set(origin, appClient(origin, {}, { contract: false }));
  return clients.get(origin);
}

/** Each model's default parameters, as the playground's form starts with them. */
export async function modelDefaults(origin, modelId) {
  const [entry] = await clientOf(origin).modelEntries({ [modelId]: {} });
  return entry.params;
}

/**
 * POST /api/runs; `models` maps a model id to the params that differ from its defaults.
 * Returns { id, jobs }.
 */
export async function createRun(origin, prompt, models) {
  const client = clientOf(origin);
  return client.createRun({ prompt, models: await client.modelEntries(models) });
}

/**
 * POST /api/runs of several prompts × configurations; each config is { modelId, params } with the
 * params that differ from the model's defaults (the same model may come several times).
 */
export async function createMatrixRun(origin, { prompts, models }) {
  const entries = await Promise.all(
    models.map(async ({ modelId, params }) => ({
      modelId,
      params: { ...(await modelDefaults(origin, modelId)), ...params },
    })),
  );
  return clientOf(origin).createRun({ prompts, models: entries });
}

export function getRun(origin, id) {
  return clientOf(origin).getRun(id);
}

/** Polls the run until every job is terminal; throws if one did not succeed. */
export async function waitForRunSucceeded(origin, id, timeoutMs = 60_000) {
  const run = await clientOf(origin).waitForRun(id, timeoutMs);
  const failed = run.jobs.find((job) => job.status !== "succeeded");
  if (failed)
    throw new Error(`run ${id}: ${failed.modelId} ${failed.status} ${JSON.stringify(failed.error)}`);
  return run;
}

/** POST /api/galleries; returns { slug, url }. */
export function createGallery(origin, body) {
  return clientOf(origin).createGallery(body);
}
