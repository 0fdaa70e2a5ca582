import type { Server } from "node:http";
import { simulatedBaseUrl, simulatedProviderPort, type SimulatorUrls } from "@/lib/providers/simulator-urls";
import { simulatorClient, type SimulatorClient } from "./client";
import { isLoopbackHost, loopbackOrigins } from "./control-access";
import { createControlServer } from "./control-server";
import { createContext, type SimulatorContext } from "./context";
import { createDashscopeProtocol } from "./dashscope-protocol";
import { SIMULATED_PROVIDERS, type SimulatedProvider } from "./faults";
import { closeServer, listen } from "./http-utils";
import type { AsyncProtocol } from "./job-timeline";
import { createPixazoProtocol } from "./pixazo-protocol";
import { createProviderServer, type ProviderProtocol } from "./provider-server";
import type { SimJob } from "./saved-state";
import { createShortapiProtocol } from "./shortapi-protocol";

/** Each provider's protocol; the compiler asks for one per provider of lib/models/providers.ts. */
const PROTOCOLS: { [Provider in SimulatedProvider]: (context: SimulatorContext) => ProviderProtocol } = {
  shortapi: createShortapiProtocol,
  pixazo: createPixazoProtocol,
  dashscope: createDashscopeProtocol,
};

/** Only asynchronous providers have jobs to save and resume. */
const hasJobs = (protocol: ProviderProtocol): protocol is AsyncProtocol => "jobs" in protocol;

/**
 * Loopback servers that speak every provider (docs/providers.md) plus a control
 * port for faults. Control endpoints (details in README.md):
 *   POST /faults {provider, on, count?, kind, status?, retryAfter?, body?, delayMs?}
 *   POST /outcomes {provider, count?, outcome}   POST /settings {stepMs?, imageTtlMs?, latencyMs?, ...}
 *   POST /expire-images   GET|DELETE /calls   POST /reset   GET /health
 */

export interface SimulatorOptions {
  /** A loopback address, default "127.0.0.1": the simulator is a development tool, never on a network. */
  host?: string;
  /** Browser origins besides its own that may use the control port, e.g. the app's. */
  appOrigins?: string[];
  /** Control port P, each provider on P + its descriptor's port offset; 0 puts every server on an ephemeral port. Default 4010. */
  port?: number;
  /** Image URLs expire after this (default 10 min) and then answer 403 like a signed CDN URL. */
  imageTtlMs?: number;
  /** Time per job state step (queued → running → done); default 600 ms. */
  stepMs?: number;
  /**
   * Keeps jobs and issued image URLs in this directory across restarts, as a real provider keeps
   * them while we restart; without it every start is empty.
   */
  stateDir?: string;
}

export interface RunningSimulator {
  urls: SimulatorUrls;
  /** Its control port (faults, outcomes, settings, calls, reset). */
  control: SimulatorClient;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`The simulator listens on loopback only, not on ${host}`);
  const basePort = options.port ?? 4010;
  const context = createContext(options);
  const saved = await context.persistence.load();
  if (saved) context.images.restore(saved.images);
  const urls = { control: "", ...context.origins } as SimulatorUrls;
  const protocols = SIMULATED_PROVIDERS.map((provider) => PROTOCOLS[provider](context));
  const asyncProtocols = protocols.filter(hasJobs);
  const servers: Server[] = [];
  const urlHost = host.includes(":") ? `[${host}]` : host;

  async function close(): Promise<void> {
    context.dispose();
    await Promise.all(servers.map(closeServer));
    await context.persistence.close();
  }

  try {
    const allowedOrigins = new Set(options.appOrigins);
    const control = createControlServer(
      context,
      () => urls,
      () => allowedOrigins,
    );
    servers.push(control);
    const controlPort = await listen(control, basePort, host);
    urls.control = `http://${urlHost}:${controlPort}`;
    for (const origin of loopbackOrigins(controlPort)) allowedOrigins.add(origin);
    for (const protocol of protocols) {
      const { provider } = protocol;
      const server = createProviderServer(protocol, context);
      servers.push(server);
      const port = await listen(server, basePort === 0 ? 0 : simulatedProviderPort(basePort, provider), host);
      context.origins[provider] = `http://${urlHost}:${port}`;
    }
  } catch (error) {
    await close();
    throw error;
  }
  context.persistence.track(() => ({
    images: context.images.snapshot(),
    jobs: Object.fromEntries(
      asyncProtocols.map((protocol): [SimulatedProvider, SimJob[]] => [
        protocol.provider,
        protocol.jobs.list(),
      ]),
    ),
  }));
  // Only now: a saved job that is due finishes at once, issuing URLs on its provider's origin.
  for (const protocol of asyncProtocols) protocol.jobs.restore(saved?.jobs[protocol.provider] ?? []);
  for (const provider of SIMULATED_PROVIDERS)
    urls[provider] = simulatedBaseUrl(provider, context.origins[provider]);
  return { urls, control: simulatorClient(urls.control), close };
}
