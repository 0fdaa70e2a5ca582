import type { z } from "zod";
import { findModel } from "@/lib/models/catalog";
import type { ModelDefinition, ProviderId } from "@/lib/models/types";
import { providerError } from "./errors";

/** The catalog entry for a model this provider serves; anything else is refused before any network call. */
export function resolveModel(providerId: ProviderId, modelId: string): ModelDefinition {
  const model = findModel(modelId);
  if (!model || model.providerId !== providerId) {
    throw providerError(providerId, "invalid_request", `unknown model: ${modelId}`, { retryable: false });
  }
  return model;
}

/**
 * Parses params with the model's own schema once more at the network boundary: it applies defaults,
 * drops fields the model does not declare (so nothing undocumented is sent) and gives typed output.
 */
export function parseModelParams<S extends z.ZodObject>(
  model: ModelDefinition<S>,
  params: Record<string, unknown>,
): z.output<S> {
  const parsed = model.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "params";
  throw providerError(
    model.providerId,
    "invalid_request",
    `invalid ${field} for ${model.id}: ${issue?.message ?? "invalid"}`,
    {
      retryable: false,
    },
  );
}
