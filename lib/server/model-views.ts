import "server-only";
import { z } from "zod";
import type { ModelsResponse, ModelView } from "@/lib/api/views";
import { MODELS, type ModelDefinition } from "@/lib/models";
import { providerName } from "@/lib/models/providers";
import type { SharedSettings } from "@/lib/models/types";
import { providerStatus, simulatorEnabled } from "@/lib/providers/registry";

/** What the playground preselects before a person touches the shared settings. */
const INITIAL_SHARED_SETTINGS: SharedSettings = { aspectRatio: "1:1", numImages: 1 };

function schemaDefaults(jsonSchema: Record<string, unknown>): Record<string, unknown> {
  const properties = (jsonSchema.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, property]) => property.default !== undefined)
      .map(([name, property]) => [name, property.default]),
  );
}

function toModelView(model: ModelDefinition): ModelView {
  const paramsSchema = z.toJSONSchema(model.params, { io: "input" }) as Record<string, unknown>;
  const status = providerStatus(model.providerId);
  return {
    id: model.id,
    providerId: model.providerId,
    providerName: providerName(model.providerId),
    name: model.name,
    description: model.description,
    available: status.available,
    simulated: status.simulated,
    pricing: model.pricing,
    promptMaxLength: model.promptMaxLength,
    paramsSchema,
    defaults: { ...schemaDefaults(paramsSchema), ...model.mapSharedSettings(INITIAL_SHARED_SETTINGS).params },
  };
}

/** The catalog as GET /api/models publishes it, with availability read from the environment now. */
export function modelsResponse(): ModelsResponse {
  return { models: MODELS.map(toModelView), simulator: simulatorEnabled() };
}
