import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `npx tsx lib/simulator/cli.ts` as its own process: control on `port`, providers on the next three. */
export class StandaloneSimulator {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get controlUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What a server pointed at this simulator needs, with `key` as every provider key. */
  providerEnv(key: string): Record<string, string> {
    return {
      PRISM_SIMULATOR: "off",
      SHORTAPI_KEY: key,
      PIXAZO_API_KEY: key,
      DASHSCOPE_API_KEY: key,
      SHORTAPI_BASE_URL: `http://127.0.0.1:${this.port + 1}`,
      PIXAZO_BASE_URL: `http://127.0.0.1:${this.port + 2}`,
      DASHSCOPE_BASE_URL: `http://127.0.0.1:${this.port + 3}/api/v1`,
    };
  }

  async start(stepMs = 100): Promise<void> {
    const tsx = require.resolve("tsx/cli");
    this.child = spawn(process.execPath, [tsx, "lib/simulator/cli.ts"], {
      env: { ...process.env, SIMULATOR_PORT: String(this.port), SIMULATOR_STEP_MS: String(stepMs) },
      stdio: "ignore",
      detached: true,
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (this.child.exitCode !== null) throw new Error("Simulator exited early");
      try {
        if ((await fetch(`${this.controlUrl}/health`)).ok) return;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("Simulator did not start");
  }

  async control<T = unknown>(path: string, body?: unknown, method = "POST"): Promise<T> {
    const response = await fetch(`${this.controlUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`Simulator ${path} answered ${response.status}`);
    return (await response.json()) as T;
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
