import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sourceDir } from "./source-tree.mjs";

/** The tree that is built and served (see source-tree.mjs). */
export const PROJECT_DIR = sourceDir();
// Its own dist dir, so a bench build never disturbs `.next` of a dev server or the e2e run.
export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(PROJECT_DIR, "node_modules", "next", "dist", "bin", "next");
const TSCONFIG = path.join(PROJECT_DIR, "tsconfig.json");

const started = new Set();
process.once("exit", () => {
  for (const child of started) killGroup(child, "SIGKILL");
});

function killGroup(child, signal) {
  try {
    // Negative pid: the process group we created with detached: true, i.e. next and its workers.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A fresh DATA_DIR under /tmp, removed by cleanup(). */
export function makeDataDir(name) {
  return mkdtempSync(path.join(os.tmpdir(), `prism-bench-${name}-`));
}

export function removeDataDir(directory) {
  rmSync(directory, { recursive: true, force: true });
}

function otherBuildRunning() {
  const processes = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return processes
    .split("\n")
    .some((line) => /next(\.js)? build/.test(line) || /next\/dist\/bin\/next build/.test(line));
}

/**
 * `next build` into DIST_DIR unless a build is already there (BENCH_BUILD=1 forces one). Waits
 * while another build runs on this machine (2 cores), and puts tsconfig.json back afterwards,
 * because next adds its dist dir's types to it.
 */
export async function ensureBuild() {
  const built = existsSync(path.join(PROJECT_DIR, DIST_DIR, "BUILD_ID"));
  if (built && process.env.BENCH_BUILD !== "1") return;
  while (otherBuildRunning()) {
    console.log("   waiting: another next build is running");
    await sleep(5_000);
  }
  const tsconfig = readFileSync(TSCONFIG, "utf8");
  console.log(`   building the production app into ${DIST_DIR} ...`);
  try {
    execFileSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: PROJECT_DIR,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  } finally {
    if (readFileSync(TSCONFIG, "utf8") !== tsconfig) writeFileSync(TSCONFIG, tsconfig);
  }
}

/** Ports of the simulator the app starts in-process: control P, then shortapi, pixazo, DashScope. */
export function simulatorUrls(simulatorPort) {
  const at = (offset) => `http://127.0.0.1:${simulatorPort + offset}`;
  return { control: at(0), shortapi: at(1), pixazo: at(2), dashscope: `${at(3)}/api/v1` };
}

/**
 * `next start` on the production build with the built-in simulator, resolved once /api/health
 * answers 200. The server's output goes to <dataDir>/server.log.
 */
export async function startApp({ port, simulatorPort, dataDir, env = {} }) {
  const log = openSync(path.join(dataDir, "server.log"), "a");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_DIR,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      PRISM_SIMULATOR: "on",
      SIMULATOR_PORT: String(simulatorPort),
      DATA_DIR: dataDir,
      // The benches create runs far faster than a person; the per-client limit would answer 429.
      PRISM_RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
  });
  started.add(child);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const origin = `http://127.0.0.1:${port}`;
  const healthyAt = await waitForHealth(origin, exited, dataDir);
  return {
    origin,
    simulator: simulatorUrls(simulatorPort),
    /** Milliseconds from spawn to the first 200 of /api/health. */
    startupMs: healthyAt - spawnedAt,
    async stop() {
      killGroup(child, "SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!killed) killGroup(child, "SIGKILL");
      await exited;
      started.delete(child);
    },
  };
}

async function waitForHealth(origin, exited, dataDir) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`next start exited early; see ${dataDir}/server.log`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return performance.now();
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error(`${origin}/api/health not ready within 120 s; see ${dataDir}/server.log`);
}
