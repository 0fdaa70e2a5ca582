import type { Database } from "@/lib/db/client";
import { fetchProviderImage } from "@/lib/jobs/download-image";
import { createJobRunner } from "@/lib/jobs/runner/engine";
import type { JobRunner, JobRunnerDependencies, JobRunnerOptions } from "@/lib/jobs/runner/types";
import { SIMULATED_POLL_SCHEDULE } from "@/lib/jobs/schedule";
import { getProvider } from "@/lib/providers/registry";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import type { SimulatorClient } from "@/lib/simulator/client";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { simulatorProviderEnv } from "./standalone-simulator";

export interface SimulatedProviders {
  simulator: RunningSimulator;
  /** Its control port: faults, outcomes, settings, calls, reset. */
  control: SimulatorClient;
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
  Object.assign(process.env, simulatorProviderEnv(simulator.urls, options.key ?? "simulator-key"));
  return { simulator, control: simulator.control, close: () => simulator.close() };
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
