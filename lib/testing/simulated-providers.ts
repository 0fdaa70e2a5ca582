import type { ProviderId } from "@/lib/models/types";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import type { CallRecord } from "@/lib/simulator/call-log";

export interface SimulatedProviders {
  simulator: RunningSimulator;
  /** POSTs to a control endpoint (/faults, /outcomes, /settings, /reset…) and returns its JSON. */
  control(route: string, body?: unknown): Promise<unknown>;
  /** The provider requests the simulator received, optionally of one provider. */
  calls(provider?: ProviderId): Promise<CallRecord[]>;
  close(): Promise<void>;
}

/**
 * Starts a simulator and points the real adapters and the safe fetcher at it through the
 * environment, as production configuration does, with keys set and the built-in simulator off.
 */
export async function startSimulatedProviders(options: { stepMs: number; key?: string }): Promise<SimulatedProviders> {
  const simulator = await startSimulator({ port: 0, stepMs: options.stepMs });
  process.env.PRISM_SIMULATOR = "off";
  process.env.SHORTAPI_KEY = process.env.PIXAZO_API_KEY = process.env.DASHSCOPE_API_KEY = options.key ?? "simulator-key";
  process.env.SHORTAPI_BASE_URL = simulator.urls.shortapi;
  process.env.PIXAZO_BASE_URL = simulator.urls.pixazo;
  process.env.DASHSCOPE_BASE_URL = simulator.urls.dashscope;

  return {
    simulator,
    async control(route, body) {
      const response = await fetch(`${simulator.urls.control}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
      if (!response.ok) throw new Error(`simulator ${route}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async calls(provider) {
      const query = provider ? `?provider=${provider}` : "";
      return (await (await fetch(`${simulator.urls.control}/calls${query}`)).json()) as CallRecord[];
    },
    close: () => simulator.close(),
  };
}
