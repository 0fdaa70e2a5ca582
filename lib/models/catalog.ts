import { DASHSCOPE_MODELS } from "./definitions/dashscope";
import { PIXAZO_MODELS } from "./definitions/pixazo";
import { SHORTAPI_MODELS } from "./definitions/shortapi";
import type { ModelDefinition } from "./types";

/**
 * Every model Prism offers, in display order: provider by provider, each provider's list as its
 * definitions file orders it. A new model goes into that list, not here.
 */
export const MODELS: readonly ModelDefinition[] = [
  ...SHORTAPI_MODELS,
  ...PIXAZO_MODELS,
  ...DASHSCOPE_MODELS,
] as unknown as readonly ModelDefinition[];

const MODELS_BY_ID = new Map(MODELS.map((model) => [model.id, model]));

export function findModel(id: string): ModelDefinition | undefined {
  return MODELS_BY_ID.get(id);
}
