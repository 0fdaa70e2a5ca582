/**
 * Every provider Prism calls, with the one name people see for it (labels, /api/models, the start of
 * its error messages). Plain isomorphic data: the browser labels results from it, and each provider's
 * server-side descriptor (lib/providers/<id>/settings.ts) takes its name from here.
 */
export const PROVIDERS = [
  { id: "shortapi", name: "shortapi" },
  { id: "pixazo", name: "pixazo" },
  { id: "dashscope", name: "DashScope" },
] as const;

export type ProviderId = (typeof PROVIDERS)[number]["id"];

export const PROVIDER_IDS: readonly ProviderId[] = PROVIDERS.map((provider) => provider.id);

export function providerName(id: ProviderId): string {
  return PROVIDERS.find((provider) => provider.id === id)?.name ?? id;
}
