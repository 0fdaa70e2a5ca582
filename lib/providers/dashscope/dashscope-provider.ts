import { dashscopeZImageTurbo } from "@/lib/models/definitions/dashscope";
import { providerError } from "../errors";
import { parseModelParams, resolveModel } from "../model-params";
import type { ImageProvider, ProviderConfig } from "../types";
import { createDashscopeApi } from "./dashscope-api";
import { toGenerationBody, toResult } from "./transform";

/** Alibaba DashScope: synchronous, the submit POST returns the image (docs/providers.md §4). */
export function createDashscopeProvider(config: ProviderConfig): ImageProvider {
  const api = createDashscopeApi(config);
  return {
    id: "dashscope",

    async submit({ modelId, prompt, params }) {
      const model = resolveModel("dashscope", modelId);
      if (model.id !== dashscopeZImageTurbo.id) {
        throw providerError("dashscope", "invalid_request", `unsupported model: ${modelId}`, {
          retryable: false,
        });
      }
      const generation = await api.generate(
        toGenerationBody(model.providerModel, prompt, parseModelParams(dashscopeZImageTurbo, params)),
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

    async poll() {
      throw providerError(
        "dashscope",
        "invalid_request",
        "z-image-turbo is synchronous: submit returns the image, there is nothing to poll",
        {
          retryable: false,
        },
      );
    },
  };
}
