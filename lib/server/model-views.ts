import "server-only";
import { z } from "zod";
import type { ModelsResponse, ModelView } from "@/lib/api/views";
import { MODELS } from "@/lib/models/catalog";
import type { ModelDefinition } from "@/lib/models/types";
import { paramFields } from "@/lib/models/param-fields";
import { providerName } from "@/lib/models/providers";
import { startingParams } from "@/lib/models/starting-params";
import { assumedImagePriceUsd } from "@/lib/env";
import { inputUnavailableReason } from "@/lib/jobs/input-references";
import { providerStatus, simulatorEnabled } from "@/lib/providers/registry";

function toModelView(model: ModelDefinition): ModelView {
  const paramsSchema = z.toJSONSchema(model.params, { io: "input" }) as Record<string, unknown>;
  const status = providerStatus(model.providerId);
  const unavailableReason = inputUnavailableReason(model);
  return {
    id: model.id,
    providerId: model.providerId,
    providerName: providerName(model.providerId),
    name: model.name,
    description: model.description,
    family: model.family,
    goodFor: model.goodFor,
    available: status.available && !unavailableReason,
    ...(unavailableReason ? { unavailableReason } : {}),
    simulated: status.simulated,
    pricing: model.pricing,
    assumedImagePriceUsd: assumedImagePriceUsd(model.id),
    promptMaxLength: model.promptMaxLength,
    inputImages: model.inputImages,
    paramsSchema,
    fields: paramFields(model).map(({ name, title, kind, ...field }) => ({
      name,
      title,
      kind,
      ...("options" in field ? { options: field.options } : {}),
    })),
    defaults: startingParams(model),
  };
}

/** The catalog as GET /api/models publishes it, with availability read from the environment now. */
export function modelsResponse(): ModelsResponse {
  return { models: MODELS.map(toModelView), simulator: simulatorEnabled() };
}
