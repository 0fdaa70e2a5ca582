import "server-only";
import { providerSettings } from "@/lib/env";
import type { ProviderId } from "@/lib/models/types";
import { createDashscopeProvider } from "./dashscope/dashscope-provider";
import { createPixazoProvider } from "./pixazo/pixazo-provider";
import { createShortapiProvider } from "./shortapi/shortapi-provider";
import type { ImageProvider, ProviderConfig } from "./types";

const FACTORIES: Record<ProviderId, (config: ProviderConfig) => ImageProvider> = {
  shortapi: createShortapiProvider,
  pixazo: createPixazoProvider,
  dashscope: createDashscopeProvider,
};

/**
 * The adapter for a provider, configured from the environment at call time (so a changed key needs
 * no restart), or null when the provider has no key and is therefore unavailable.
 * `overrides` replace single settings, e.g. `fetch` or `timeoutMs` from the runner.
 */
export function getProvider(
  providerId: ProviderId,
  overrides?: Partial<ProviderConfig>,
): ImageProvider | null {
  const settings = providerSettings(providerId);
  const apiKey = overrides?.apiKey ?? settings.apiKey;
  if (!apiKey) return null;
  return FACTORIES[providerId]({
    baseUrl: settings.baseUrl,
    // Looked up per call, so tests and instrumentation that replace globalThis.fetch are honoured.
    fetch: (input, init) => globalThis.fetch(input, init),
    ...overrides,
    apiKey,
  });
}

/** Whether a provider can be used, and whether it points at the built-in simulator. */
export function providerStatus(providerId: ProviderId): { available: boolean; simulated: boolean } {
  const settings = providerSettings(providerId);
  return { available: Boolean(settings.apiKey), simulated: settings.simulated };
}
