import "server-only";
import { createHash } from "node:crypto";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import type { RunRow } from "@/lib/db/schema";
import { findModel } from "@/lib/models/catalog";
import { configurationLabels } from "@/lib/labels/params";
import { paramFields } from "@/lib/models/param-fields";
import type { ModelDefinition } from "@/lib/models/types";

export interface JobConfiguration {
  /** Same model and parameters, same key, whichever run the job belongs to. */
  key: string;
  /** As a matrix column reads: "FLUX.1 · dev" where the gallery holds FLUX.1 more than once. */
  label: string;
}

function keyOf(modelId: string, params: Record<string, unknown>): string {
  // Sorted, since a jsonb column does not keep the order the keys were written in.
  const canonical = JSON.stringify([modelId, Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 12);
}

/**
 * The labels a run's author gave: a stored label differs from the one configurationLabels makes for the
 * run's own columns. Those win here too, as in the matrix.
 */
function givenLabels(run: RunRow): (string | undefined)[] {
  const models = run.configs.map((config) => findModel(config.modelId));
  if (models.some((model) => !model)) return run.configs.map(() => undefined);
  const made = configurationLabels(
    run.configs.map((config, index) => ({
      model: models[index]!,
      fields: paramFields(models[index]!),
      params: config.params,
    })),
  );
  return run.configs.map((config, index) => (config.label === made[index] ? undefined : config.label));
}

/**
 * Each shared job's configuration, labelled by what differs across the whole gallery with the same
 * function the matrix columns use, so a gallery of two runs (FLUX.1 dev in one, schnell in the
 * other) still tells them apart. Keyed by job id.
 */
export function galleryConfigurations(
  rows: Pick<GalleryRows, "runs" | "jobs">,
): Map<string, JobConfiguration> {
  const runs = new Map(rows.runs.map((run) => [run.id, { run, given: givenLabels(run) }]));
  const distinct = new Map<
    string,
    { params: Record<string, unknown>; model?: ModelDefinition; given?: string; stored: string }
  >();
  const keyOfJob = new Map<string, string>();
  for (const job of rows.jobs) {
    const entry = runs.get(job.runId);
    const config = entry?.run.configs[job.configIndex];
    const params = config?.params ?? job.params;
    const key = keyOf(job.modelId, params);
    keyOfJob.set(job.id, key);
    if (distinct.has(key)) continue;
    // A model since dropped from the catalog keeps the label its run stored.
    distinct.set(key, {
      params,
      model: findModel(job.modelId),
      given: entry?.given[job.configIndex],
      stored: config?.label ?? job.modelId,
    });
  }
  const known = [...distinct].filter(([, config]) => config.model);
  const made = configurationLabels(
    known.map(([, config]) => ({
      model: config.model!,
      fields: paramFields(config.model!),
      params: config.params,
      label: config.given,
    })),
  );
  const labels = new Map(known.map(([key], index) => [key, made[index]!]));
  return new Map(
    [...keyOfJob].map(([jobId, key]) => [
      jobId,
      { key, label: labels.get(key) ?? distinct.get(key)!.stored },
    ]),
  );
}
