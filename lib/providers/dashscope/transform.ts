import type { z } from "zod";
import type { dashscopeZImageTurbo } from "@/lib/models/definitions/dashscope";
import type { ProviderOutput } from "../types";
import type { DashscopeGeneration, DashscopeGenerationBody } from "./wire";

export type DashscopeParams = z.output<typeof dashscopeZImageTurbo.params>;

export function toGenerationBody(
  providerModel: string,
  prompt: string,
  params: DashscopeParams,
): DashscopeGenerationBody {
  // size is always sent: the provider's own default is disputed (docs/providers.md Q18).
  const parameters: DashscopeGenerationBody["parameters"] = {
    size: params.size,
    prompt_extend: params.prompt_extend,
  };
  if (params.seed !== undefined) parameters.seed = params.seed;
  return {
    model: providerModel,
    input: { messages: [{ role: "user", content: [{ text: prompt }] }] },
    parameters,
  };
}

export interface DashscopeResult {
  outputs: ProviderOutput[];
  revisedPrompt?: string;
}

/**
 * Finds the image (and the rewritten prompt, when prompt_extend was on) in the answer's content.
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
