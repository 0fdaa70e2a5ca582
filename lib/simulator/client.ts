import type { z } from "zod";
import type { CallRecord } from "./call-log";
import type { faultRuleSchema, SimulatedProvider } from "./faults";
import type { outcomeRuleSchema } from "./outcomes";
import type { SettingsPatch, SimulatorSettings } from "./settings";

/**
 * The one client of a simulator's control port (see README.md); where its servers listen is
 * lib/providers/simulator-urls.ts. Free of server-only imports, so unit tests, Playwright specs and the
 * benches (plain scripts run through tsx) all share it.
 */

export interface ControlResponse {
  status: number;
  body: unknown;
}

export interface SimulatorClient {
  readonly controlUrl: string;
  /** Any control request, answered as is (never throws on a status): for tests of the control port itself. */
  request(method: string, path: string, body?: unknown): Promise<ControlResponse>;
  /** Adds a fault rule (POST /faults). */
  fault(rule: z.input<typeof faultRuleSchema>): Promise<void>;
  /** Decides how upcoming jobs end (POST /outcomes). */
  outcome(rule: z.input<typeof outcomeRuleSchema>): Promise<void>;
  /** Changes timing and behaviour knobs and returns them all (POST /settings). */
  settings(patch: SettingsPatch): Promise<SimulatorSettings>;
  /** Every image URL issued so far answers 403 from now on (POST /expire-images). */
  expireImages(): Promise<void>;
  /** The provider requests received, oldest first, optionally of one provider (GET /calls). */
  calls(provider?: SimulatedProvider): Promise<CallRecord[]>;
  clearCalls(): Promise<void>;
  /** Faults, outcomes, settings, call log and jobs back to the start (POST /reset). */
  reset(): Promise<void>;
  /** True once the control port answers GET /health. */
  healthy(): Promise<boolean>;
}

/** A client for the control port at `controlUrl` (e.g. `simulatorUrls(port).control`). */
export function simulatorClient(controlUrl: string): SimulatorClient {
  async function request(method: string, path: string, body?: unknown): Promise<ControlResponse> {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await request(method, path, body);
    if (response.status >= 300)
      throw new Error(`simulator ${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  return {
    controlUrl,
    request,
    fault: (rule) => call("POST", "/faults", rule),
    outcome: (rule) => call("POST", "/outcomes", rule),
    settings: (patch) => call("POST", "/settings", patch),
    expireImages: () => call("POST", "/expire-images"),
    calls: (provider) => call("GET", provider ? `/calls?provider=${provider}` : "/calls"),
    clearCalls: () => call("DELETE", "/calls"),
    reset: () => call("POST", "/reset"),
    healthy: () =>
      request("GET", "/health").then(
        (response) => response.status === 200,
        () => false,
      ),
  };
}
