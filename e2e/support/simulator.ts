import { E2E_SIMULATOR_CONTROL_URL } from "./env";

type SimulatedProvider = "shortapi" | "pixazo" | "dashscope" | "*";
type JobOutcome = "success" | "content_policy" | "error" | "failed";

async function control(path: string, body?: unknown, baseUrl = E2E_SIMULATOR_CONTROL_URL): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok)
    throw new Error(`Simulator ${path} answered ${response.status}: ${await response.text()}`);
}

/** Makes the next `count` jobs of `provider` end with `outcome`. */
export const setOutcome = (provider: SimulatedProvider, outcome: JobOutcome, count = 1) =>
  control("/outcomes", { provider, outcome, count });

export const resetSimulator = (baseUrl?: string) => control("/reset", undefined, baseUrl);
