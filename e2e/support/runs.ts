import { expect } from "@playwright/test";

interface ModelInfo {
  id: string;
  defaults: Record<string, unknown>;
}

export interface JobInfo {
  id: string;
  modelId: string;
  status: string;
  error?: { code: string; message: string };
  images: { url: string; thumbnailUrl: string }[];
}

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

/** Every model of the catalog with its default parameters, as the playground would send them. */
export async function allModels(baseUrl: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/api/models`, { headers });
  const { models } = (await response.json()) as { models: ModelInfo[] };
  return models.map((model) => ({ modelId: model.id, params: model.defaults }));
}

export async function createRun(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

export async function jobsOf(
  baseUrl: string,
  runId: string,
  headers: Record<string, string> = {},
): Promise<JobInfo[]> {
  const response = await fetch(`${baseUrl}/api/runs/${runId}`, { headers });
  return ((await response.json()) as { jobs: JobInfo[] }).jobs;
}

export async function waitUntilTerminal(
  baseUrl: string,
  runId: string,
  headers: Record<string, string> = {},
) {
  await expect
    .poll(async () => (await jobsOf(baseUrl, runId, headers)).every((job) => TERMINAL.has(job.status)), {
      timeout: 90_000,
    })
    .toBe(true);
  return jobsOf(baseUrl, runId, headers);
}
