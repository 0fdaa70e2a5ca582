import { parseModelParams, resolveModel } from "../model-params";
import { providerError } from "../errors";
import type { ImageProvider, ProviderConfig } from "../types";
import { createPixazoApi } from "./pixazo-api";
import { statusUrl, submitPath, toPollResult, toSubmitBody } from "./transform";

/** pixazo.ai gateway: submit (202), then poll the universal status endpoint (docs/providers.md §3). */
export function createPixazoProvider(config: ProviderConfig): ImageProvider {
  const api = createPixazoApi(config);
  return {
    id: "pixazo",

    async submit({ modelId, prompt, params, callbackUrl, inputImages }) {
      const model = resolveModel("pixazo", modelId);
      const path = submitPath(model.providerModel);
      if (!path) {
        throw providerError("pixazo", "invalid_request", `no submit endpoint for ${model.providerModel}`, {
          retryable: false,
        });
      }
      const submitted = await api.submit(
        path,
        toSubmitBody(model.providerModel, prompt, parseModelParams(model, params), inputImages),
        callbackUrl,
      );
      return { state: "pending", providerJobId: submitted.request_id, pollingUrl: submitted.polling_url };
    },

    async poll({ providerJobId, pollingUrl }) {
      return toPollResult(await api.status(statusUrl(config.baseUrl, providerJobId, pollingUrl)));
    },
  };
}
