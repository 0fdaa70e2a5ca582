import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appClient, type AppClient } from "./app-client";
import { simulatorUrls, type SimulatorUrls } from "../providers/simulator-urls";
import { simulatorClient, type SimulatorClient } from "../simulator/client";

export interface AppServerOptions {
  port: number;
  /** DATA_DIR of this instance (created on start); the server's output goes to <dataDir>/server.log. */
  dataDir: string;
  /** Control port of the simulator the server starts in-process (PRISM_SIMULATOR=on unless `env` says otherwise). */
  simulatorPort: number;
  /** Set last, over the defaults: keys, DATABASE_URL, PRISM_* settings, or a standalone simulator's variables. */
  env?: Record<string, string>;
  /** The built project to serve; default the current directory. */
  projectDir?: string;
  /** NEXT_DIST_DIR of that build; default next's own `.next`. */
  distDir?: string;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the group spawned with detached: true, i.e. next and its workers.
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * A production `next start` of its own (own port, data and simulator) for Playwright specs, the
 * benches and multi-instance tests: start, stop, kill -9 and start again on the same data.
 */
export class AppServer {
  private child: ChildProcess | null = null;
  private exited: Promise<unknown> = Promise.resolve();
  private logStart = 0;

  /** Its JSON API. */
  readonly api: AppClient;

  constructor(private readonly options: AppServerOptions) {
    this.api = appClient(this.baseUrl);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** The in-process simulator's URLs (meaningless when `env` points the server elsewhere). */
  get simulatorUrls(): SimulatorUrls {
    return simulatorUrls(this.options.simulatorPort);
  }

  get simulator(): SimulatorClient {
    return simulatorClient(this.simulatorUrls.control);
  }

  private get logFile(): string {
    return path.join(this.options.dataDir, "server.log");
  }

  /** The process id of `next start`, which leads the process group of everything it forks. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Everything the server printed since its last start. */
  get logs(): string {
    return readFileSync(this.logFile).subarray(this.logStart).toString("utf8");
  }

  /**
   * Resolves once /api/health answers 200 (or with `until: "listening"`, answers at all: a server
   * whose database is down), with the milliseconds that took from spawn.
   */
  async start(timeoutMs = 120_000, until: "healthy" | "listening" = "healthy"): Promise<number> {
    const { dataDir, distDir, env, port, projectDir = process.cwd(), simulatorPort } = this.options;
    mkdirSync(dataDir, { recursive: true });
    const log = openSync(this.logFile, "a");
    this.logStart = statSync(this.logFile).size;
    const spawnedAt = performance.now();
    const child = spawn(
      process.execPath,
      [
        path.join(projectDir, "node_modules/next/dist/bin/next"),
        "start",
        "-p",
        String(port),
        "-H",
        "127.0.0.1",
      ],
      {
        cwd: projectDir,
        detached: true,
        stdio: ["ignore", log, log],
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          // As in `npm start`: lib/server/lifecycle.ts owns SIGTERM/SIGINT.
          NEXT_MANUAL_SIG_HANDLE: "true",
          // No load balancer to warn in a test: the port closes at once unless a spec asks otherwise.
          PRISM_PRESTOP_SECONDS: "0",
          ...(distDir ? { NEXT_DIST_DIR: distDir } : {}),
          PRISM_SIMULATOR: "on",
          SIMULATOR_PORT: String(simulatorPort),
          DATA_DIR: dataDir,
          ...env,
        },
      },
    );
    closeSync(log);
    this.child = child;
    running.add(child);
    this.exited = once(child, "exit");
    await this.waitForHealth(child, timeoutMs, until);
    return performance.now() - spawnedAt;
  }

  /** kill -9: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void> {
    return this.end("SIGKILL");
  }

  /** SIGSTOP: the whole server freezes with its connections open, as in a paused VM. */
  freeze(): void {
    if (this.child) signalGroup(this.child, "SIGSTOP");
  }

  /** SIGCONT after freeze(). */
  thaw(): void {
    if (this.child) signalGroup(this.child, "SIGCONT");
  }

  /** SIGTERM, then SIGKILL if the server is still there after 15 s (the default grace is 10 s). */
  stop(): Promise<void> {
    return this.end("SIGTERM");
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, signal);
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 15_000);
    await this.exited;
    clearTimeout(timer);
    running.delete(child);
    this.child = null;
  }

  private async waitForHealth(
    child: ChildProcess,
    timeoutMs: number,
    until: "healthy" | "listening",
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`next start exited early:\n${this.logs}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`);
        if (response.ok || until === "listening") return;
      } catch {
        // Not listening yet.
      }
      // Short, so the cold-start bench measures the server rather than this loop.
      await sleep(10);
    }
    throw new Error(`${this.baseUrl} not healthy after ${timeoutMs} ms:\n${this.logs}`);
  }
}
