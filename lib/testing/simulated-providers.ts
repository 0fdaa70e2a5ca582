import type { Database } from "@/lib/db/client";
import { fetchProviderImage } from "@/lib/jobs/download-image";
import {
  createJobRunner,
  type JobRunner,
  type JobRunnerDependencies,
  type JobRunnerOptions,
} from "@/lib/jobs/runner/engine";
import { SIMULATED_POLL_SCHEDULE } from "@/lib/jobs/schedule";
import type { ProviderId } from "@/lib/models/types";
import { getProvider } from "@/lib/providers/registry";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import type { CallRecord } from "@/lib/simulator/call-log";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";

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
export async function startSimulatedProviders(options: {
  stepMs: number;
  key?: string;
}): Promise<SimulatedProviders> {
  const simulator = await startSimulator({ port: 0, stepMs: options.stepMs });
  process.env.PRISM_SIMULATOR = "off";
  process.env.SHORTAPI_KEY =
    process.env.PIXAZO_API_KEY =
    process.env.DASHSCOPE_API_KEY =
      options.key ?? "simulator-key";
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

/**
 * A runner wired as in production (real adapters from the environment, the safe fetcher, a local
 * blob store) on the simulated poll schedule; tests override what they stage.
 */
export function createRealRunner(
  db: Database,
  blobDirectory: string,
  overrides: Partial<JobRunnerDependencies> & Pick<JobRunnerDependencies, "ownerId">,
  options?: JobRunnerOptions,
): JobRunner {
  return createJobRunner(
    {
      db,
      blobStore: createLocalBlobStore(blobDirectory),
      getProvider: (providerId) => getProvider(providerId),
      fetchImage: fetchProviderImage,
      now: () => new Date(),
      pollSchedule: () => SIMULATED_POLL_SCHEDULE,
      ...overrides,
    },
    options,
  );
}
