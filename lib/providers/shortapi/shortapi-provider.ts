import { parseModelParams, resolveModel } from "../model-params";
import type { ImageProvider, ProviderConfig } from "../types";
import { createShortapiApi } from "./shortapi-api";
import { parseAmount, toCreateBody, toPollResult } from "./transform";

/** shortapi.ai: async jobs, created then polled (docs/providers.md §2). */
export function createShortapiProvider(config: ProviderConfig): ImageProvider {
  const api = createShortapiApi(config);
  return {
    id: "shortapi",

    async submit({ modelId, prompt, params, callbackUrl, inputImages }) {
      const model = resolveModel("shortapi", modelId);
      const args = parseModelParams(model, params);
      const created = await api.createJob(
        toCreateBody(model.providerModel, prompt, args, callbackUrl, inputImages),
      );
      return { state: "pending", providerJobId: created.jobId, costUsd: parseAmount(created.amount) };
    },

    async poll({ providerJobId }) {
      return toPollResult(await api.queryJob(providerJobId));
    },
  };
}
