import { z } from "zod";

/** Timing and behaviour knobs that can change while the simulator runs (POST /settings). */
export interface SimulatorSettings {
  /** Time per job state step: queued → running → terminal. */
  stepMs: number;
  /** Lifetime of an issued image URL; captured when the URL is issued, like a signature. */
  imageTtlMs: number;
  /** DashScope's synchronous generation time; null means 2 × stepMs. */
  latencyMs: number | null;
  /** shortapi errors as HTTP 4xx ("http") or as HTTP 200 with a non-zero `code` ("envelope"), docs/providers.md §2.8. */
  shortapiErrors: "http" | "envelope";
  /** Keys every provider accepts; null accepts any non-empty key. */
  apiKeys: string[] | null;
  /** Tries per callback/webhook when the receiver does not answer 2xx (docs/providers.md §2.9 scenario). */
  callbackAttempts: number;
  /** Sends each callback this long after the terminal state, so a poll can see it first (§9 item 12). */
  callbackDelayMs: number;
  /** Deliveries per terminal state; 2 or more exercises duplicate handling (§9 item 12). */
  callbackCopies: number;
  /**
   * "refuse": every input image URL fails to download, as when a provider cannot reach Prism (the
   * job fails saying it could not fetch the image); data URIs are still read.
   */
  inputUrls: "fetch" | "refuse";
}

export const settingsPatchSchema = z.strictObject({
  stepMs: z.number().int().min(0).optional(),
  imageTtlMs: z.number().int().min(0).optional(),
  latencyMs: z.number().int().min(0).nullable().optional(),
  shortapiErrors: z.enum(["http", "envelope"]).optional(),
  apiKeys: z.array(z.string().min(1)).nullable().optional(),
  callbackAttempts: z.number().int().min(1).max(10).optional(),
  callbackDelayMs: z.number().int().min(0).optional(),
  callbackCopies: z.number().int().min(1).max(10).optional(),
  inputUrls: z.enum(["fetch", "refuse"]).optional(),
});

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function defaultSettings(options: { stepMs?: number; imageTtlMs?: number }): SimulatorSettings {
  return {
    stepMs: options.stepMs ?? 600,
    imageTtlMs: options.imageTtlMs ?? 10 * 60 * 1000,
    latencyMs: null,
    shortapiErrors: "http",
    apiKeys: null,
    callbackAttempts: 1,
    callbackDelayMs: 0,
    callbackCopies: 1,
    inputUrls: "fetch",
  };
}

export function syncLatencyMs(settings: SimulatorSettings): number {
  return settings.latencyMs ?? 2 * settings.stepMs;
}
