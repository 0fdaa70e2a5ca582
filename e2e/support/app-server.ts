import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface AppServerOptions {
  port: number;
  dataDir: string;
  simulatorPort: number;
  /** Overrides on top of the defaults (built-in simulator on), e.g. keys or PRISM_* settings. */
  env?: Record<string, string>;
}

/** A production `next start` of its own (own port, data and simulator), for tests that restart the server. */
export class AppServer {
  private child: ChildProcess | null = null;
  private output = "";

  constructor(private readonly options: AppServerOptions) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    const nextBin = require.resolve("next/dist/bin/next");
    this.output = "";
    this.child = spawn(
      process.execPath,
      [nextBin, "start", "-p", String(this.options.port), "-H", "127.0.0.1"],
      {
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          PRISM_SIMULATOR: "on",
          DATA_DIR: this.options.dataDir,
          SIMULATOR_PORT: String(this.options.simulatorPort),
          ...this.options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    this.child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    await this.waitForHealth(timeoutMs);
  }

  /** Everything the server printed since its last start. */
  get logs(): string {
    return this.output;
  }

  /** kill -9: no shutdown code runs, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = once(child, "exit");
    process.kill(-child.pid, "SIGKILL");
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = once(child, "exit");
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  private async waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`Server exited early:\n${this.output}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`);
        if (response.ok) return;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`Server not healthy after ${timeoutMs} ms:\n${this.output}`);
  }
}
