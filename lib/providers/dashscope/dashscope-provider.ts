import { providerError } from "../errors";
import { parseModelParams, resolveModel } from "../model-params";
import type { ImageProvider, ProviderConfig } from "../types";
import { createDashscopeApi } from "./dashscope-api";
import { toGenerationBody, toResult } from "./transform";

/**
 * Alibaba DashScope: synchronous, the submit POST returns the image (docs/providers.md §4). Generic
 * over its models: any DashScope model of the catalog is sent the same way (see toGenerationBody).
 */
export function createDashscopeProvider(config: ProviderConfig): ImageProvider {
  const api = createDashscopeApi(config);
  return {
    id: "dashscope",

    async submit({ modelId, prompt, params, inputImages }) {
      const model = resolveModel("dashscope", modelId);
      const generation = await api.generate(
        toGenerationBody(model.providerModel, prompt, parseModelParams(model, params), inputImages),
      );
      const result = toResult(generation);
      if (!result) {
        throw providerError(
          "dashscope",
          "malformed_response",
          "generation response has no image (HTTP 200)",
          {
            status: 200,
            retryable: false,
            // It answered 200, so it most likely generated (and billed) something.
            outcomeUnknown: true,
          },
        );
      }
      return { state: "done", providerJobId: generation.request_id, ...result };
    },

    async poll({ modelId }) {
      throw providerError(
        "dashscope",
        "invalid_request",
        `${modelId} is synchronous: submit returns the image, there is nothing to poll`,
        { retryable: false },
      );
    },
  };
}
