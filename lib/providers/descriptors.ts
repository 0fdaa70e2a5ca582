import type { ProviderId } from "@/lib/models/providers";
import { dashscopeSettings } from "./dashscope/settings";
import { pixazoSettings } from "./pixazo/settings";
import { shortapiSettings } from "./shortapi/settings";
import type { ProviderDescriptor } from "./types";

/**
 * Every provider's descriptor, collected once. Free of server-only imports, so test support and
 * scripts read the same facts as the registry.
 */
const DESCRIPTORS: { [Id in ProviderId]: ProviderDescriptor<Id> } = {
  shortapi: shortapiSettings,
  pixazo: pixazoSettings,
  dashscope: dashscopeSettings,
};

export const PROVIDER_DESCRIPTORS: readonly ProviderDescriptor[] = Object.values(DESCRIPTORS);

export function providerDescriptor(providerId: ProviderId): ProviderDescriptor {
  return DESCRIPTORS[providerId];
}
