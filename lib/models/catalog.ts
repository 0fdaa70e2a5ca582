import { dashscopeZImageTurbo } from "./definitions/dashscope";
import { pixazoZImageBase, pixazoZImageTurbo } from "./definitions/pixazo";
import { shortapiFlux, shortapiGptImage2, shortapiZImage } from "./definitions/shortapi";
import type { ModelDefinition } from "./types";

/** Every model Prism offers, in display order. */
export const MODELS: readonly ModelDefinition[] = [
  shortapiZImage,
  shortapiFlux,
  shortapiGptImage2,
  pixazoZImageTurbo,
  pixazoZImageBase,
  dashscopeZImageTurbo,
] as unknown as readonly ModelDefinition[];

const MODELS_BY_ID = new Map(MODELS.map((model) => [model.id, model]));

export function findModel(id: string): ModelDefinition | undefined {
  return MODELS_BY_ID.get(id);
}
