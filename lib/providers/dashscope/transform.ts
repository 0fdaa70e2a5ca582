import type { ProviderOutput } from "../types";
import type { DashscopeContentItem, DashscopeGeneration, DashscopeGenerationBody } from "./wire";

/**
 * The one body every DashScope model takes on the multimodal-generation endpoint (docs/providers.md
 * §4.2): one user message whose content lists the input images (none for text-to-image) and then the
 * prompt. A DashScope model's params schema uses the native parameter names, so its parsed `params`
 * are the `parameters` object as they are: a new model needs no code here, only its catalog entry.
 */
export function toGenerationBody(
  providerModel: string,
  prompt: string,
  params: Record<string, unknown>,
  images: readonly string[] = [],
): DashscopeGenerationBody {
  const content: DashscopeContentItem[] = [...images.map((image) => ({ image })), { text: prompt }];
  // Optional fields left unset (a seed) are omitted rather than sent as null.
  const parameters = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  return { model: providerModel, input: { messages: [{ role: "user", content }] }, parameters };
}

export interface DashscopeResult {
  outputs: ProviderOutput[];
  revisedPrompt?: string;
}

/**
 * Finds the images (and the rewritten prompt, when prompt_extend was on) in the answer's content.
 * Item order is not guaranteed, so each item is recognised by its key. Null when there is no image.
 */
export function toResult(generation: DashscopeGeneration): DashscopeResult | null {
  const content = generation.output.choices.flatMap((choice) => choice.message.content);
  const outputs: ProviderOutput[] = [];
  let revisedPrompt: string | undefined;
  for (const item of content) {
    if (typeof item.image === "string" && item.image) {
      outputs.push({ url: item.image, width: generation.usage?.width, height: generation.usage?.height });
    } else if (typeof item.text === "string" && item.text.trim() && revisedPrompt === undefined) {
      revisedPrompt = item.text.trim();
    }
  }
  if (outputs.length === 0) return null;
  return revisedPrompt === undefined ? { outputs } : { outputs, revisedPrompt };
}
