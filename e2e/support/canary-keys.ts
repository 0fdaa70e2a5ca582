import { PROVIDER_DESCRIPTORS } from "../../lib/providers/descriptors";

/**
 * Canary provider keys, one per provider under the variable its descriptor names, so a new provider
 * gets one without an edit here. scripts/test-all.sh builds with them in the environment
 * (`tsx scripts/canary-env.ts` prints them) and e2e/api/secrets.spec.ts proves they appear nowhere a
 * browser could see.
 */
export const CANARY_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  PROVIDER_DESCRIPTORS.map((descriptor) => [descriptor.env.apiKey, `canary-${descriptor.id}-5f0c1e7a9b`]),
);
