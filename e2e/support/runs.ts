import type { JobView } from "../../lib/api/views";
import { appClient, type RunBody } from "../../lib/testing/app-client";

/** Run helpers by base URL, for specs against the shared e2e server; each delegates to lib/testing/app-client.ts. */

export type JobInfo = JobView;

/** Every model of the catalog with its default parameters, as the playground would send them. */
export const allModels = (baseUrl: string, headers?: Record<string, string>) =>
  appClient(baseUrl, headers).modelEntries();

/** POST /api/runs (must answer 202); the new run's id. */
export async function createRun(
  baseUrl: string,
  body: RunBody,
  headers?: Record<string, string>,
): Promise<string> {
  return (await appClient(baseUrl, headers).createRun(body)).id;
}

export async function jobsOf(baseUrl: string, runId: string, headers?: Record<string, string>) {
  return (await appClient(baseUrl, headers).getRun(runId)).jobs;
}

/** Polls until every job is terminal; the jobs then. */
export async function waitUntilTerminal(baseUrl: string, runId: string, headers?: Record<string, string>) {
  return (await appClient(baseUrl, headers).waitForRun(runId)).jobs;
}
