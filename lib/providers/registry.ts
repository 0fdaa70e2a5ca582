import "server-only";
import os from "node:os";
import {
  providerVariables,
  SIMULATOR_API_KEY,
  simulatorHost,
  simulatorPort,
  simulatorSetting,
} from "@/lib/env";
import type { ProviderId } from "@/lib/models/providers";
import { PROVIDER_DESCRIPTORS, providerDescriptor } from "./descriptors";
import { simulatorUrls } from "./simulator-urls";
import type { ImageProvider, ProviderConfig } from "./types";

/*
 * Each provider configured from the environment as it is now, as its descriptor (descriptors.ts)
 * says: which variables hold its key and base URL, or where the simulator serves it.
 */

/** On exactly when no provider key is set, unless PRISM_SIMULATOR says otherwise. */
export function simulatorEnabled(): boolean {
  const setting = simulatorSetting();
  if (setting) return setting === "on";
  return PROVIDER_DESCRIPTORS.every((descriptor) => !providerVariables(descriptor.env).apiKey);
}

export interface ProviderSettings {
  /** Undefined when the provider has no key: it is then unavailable. */
  apiKey?: string;
  /** No trailing slash. */
  baseUrl: string;
  simulated: boolean;
}

/** Where a provider is reached and with which key, from the environment as it is now. */
export function providerSettings(providerId: ProviderId): ProviderSettings {
  const descriptor = providerDescriptor(providerId);
  if (simulatorEnabled()) {
    return {
      apiKey: SIMULATOR_API_KEY,
      baseUrl: simulatorUrls(simulatorPort(), simulatorHost())[providerId],
      simulated: true,
    };
  }
  const variables = providerVariables(descriptor.env);
  return {
    apiKey: variables.apiKey,
    baseUrl: variables.baseUrl ?? descriptor.defaultBaseUrl,
    simulated: false,
  };
}

/** Reads every provider's settings once, so a bad base URL stops the boot with its variable's name. */
export function checkProviderSettings(): void {
  for (const descriptor of PROVIDER_DESCRIPTORS) providerSettings(descriptor.id);
}

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
  return providerDescriptor(providerId).create({
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

/**
 * Where this instance's jobs of a provider go, as recorded on each job it accepts, or null when the
 * provider has no key here. The built-in simulator is this machine's own (its jobs exist nowhere
 * else), so its endpoint names the host; a real provider's is its base URL, the same everywhere.
 */
export function providerEndpoint(providerId: ProviderId): string | null {
  const settings = providerSettings(providerId);
  if (!settings.apiKey) return null;
  return settings.simulated ? `simulator on ${os.hostname()} at ${settings.baseUrl}` : settings.baseUrl;
}
