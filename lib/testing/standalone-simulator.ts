import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { simulatorUrls, type SimulatorUrls } from "../providers/simulator-urls";
import { simulatorClient, type SimulatorClient } from "../simulator/client";
import { PROVIDER_DESCRIPTORS } from "../providers/descriptors";

const require = createRequire(import.meta.url);

/**
 * What a server needs to use a simulator at `urls` as if it were the real providers: every key set
 * to `key`, every base URL pointed at it, the built-in simulator off.
 */
export function simulatorProviderEnv(urls: SimulatorUrls, key: string): Record<string, string> {
  const env: Record<string, string> = { PRISM_SIMULATOR: "off" };
  for (const descriptor of PROVIDER_DESCRIPTORS) {
    env[descriptor.env.apiKey] = key;
    env[descriptor.env.baseUrl] = urls[descriptor.id];
  }
  return env;
}

/**
 * `tsx lib/simulator/cli.ts` as its own process, shared by several app servers or surviving their
 * restarts: control on `port`, providers on the next three.
 */
export class StandaloneSimulator {
  private child: ChildProcess | null = null;
  readonly urls: SimulatorUrls;
  readonly control: SimulatorClient;

  constructor(readonly port: number) {
    this.urls = simulatorUrls(port);
    this.control = simulatorClient(this.urls.control);
  }

  /** The environment of a server pointed at this simulator, with `key` as every provider key. */
  providerEnv(key: string): Record<string, string> {
    return simulatorProviderEnv(this.urls, key);
  }

  async start(stepMs = 100): Promise<void> {
    this.child = spawn(process.execPath, [require.resolve("tsx/cli"), "lib/simulator/cli.ts"], {
      env: { ...process.env, SIMULATOR_PORT: String(this.port), SIMULATOR_STEP_MS: String(stepMs) },
      stdio: "ignore",
      detached: true,
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (this.child.exitCode !== null) throw new Error("Simulator exited early");
      if (await this.control.healthy()) return;
      await sleep(100);
    }
    throw new Error("Simulator did not start");
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = once(child, "exit");
    process.kill(-child.pid, "SIGTERM");
    await exited;
    this.child = null;
  }
}
