import { PROVIDER_IDS, type ProviderId } from "../models/providers";

/**
 * Where a simulator serves each provider: on its control port + `portOffset`, under `basePath` (the
 * path the provider's API lives under). A leaf beside the adapters, so the registry points them at
 * the built-in simulator and the simulator listens where they call, without either importing the other's
 * servers; plain relative imports, so Playwright specs and benches (tsx) read it too.
 */
const PLACES: Record<ProviderId, { portOffset: number; basePath: string }> = {
  shortapi: { portOffset: 1, basePath: "" },
  pixazo: { portOffset: 2, basePath: "" },
  dashscope: { portOffset: 3, basePath: "/api/v1" },
};

/** The base URLs of a simulator with control port `port`: the control port, and each provider's as adapters use it. */
export type SimulatorUrls = { control: string } & Record<ProviderId, string>;

/** The port a simulator with control port `port` serves `provider` on. */
export function simulatedProviderPort(port: number, provider: ProviderId): number {
  return port + PLACES[provider].portOffset;
}

/** The base URL an adapter uses for a simulated provider whose server listens at `origin`. */
export function simulatedBaseUrl(provider: ProviderId, origin: string): string {
  return `${origin}${PLACES[provider].basePath}`;
}

export function simulatorUrls(port: number, host = "127.0.0.1"): SimulatorUrls {
  const origin = (providerPort: number) => `http://${host}:${providerPort}`;
  const providers = PROVIDER_IDS.map((provider) => [
    provider,
    simulatedBaseUrl(provider, origin(simulatedProviderPort(port, provider))),
  ]);
  return { control: origin(port), ...Object.fromEntries(providers) } as SimulatorUrls;
}
