import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { AppServer } from "../../lib/testing/app-server.ts";
import { sourceDir } from "./source-tree.mjs";

/** The tree that is built and served (see source-tree.mjs). */
export const PROJECT_DIR = sourceDir();
// Its own dist dir, so a bench build never disturbs `.next` of a dev server or the e2e run.
export const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(PROJECT_DIR, "node_modules", "next", "dist", "bin", "next");
const TSCONFIG = path.join(PROJECT_DIR, "tsconfig.json");

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

/**
 * The shared launcher (lib/testing/app-server.ts) on the bench build, with the built-in simulator.
 * Resolves once /api/health answers 200; the server's output goes to <dataDir>/server.log.
 */
export async function startApp({ port, simulatorPort, dataDir, env = {} }) {
  const server = new AppServer({
    port,
    simulatorPort,
    dataDir,
    projectDir: PROJECT_DIR,
    distDir: DIST_DIR,
    // The benches create runs far faster than a person; the per-client limit would answer 429.
    env: { PRISM_RATE_LIMIT_PER_MINUTE: "0", ...env },
  });
  const startupMs = await server.start();
  return {
    origin: server.baseUrl,
    /** The simulator's URLs and its control client. */
    simulator: server.simulatorUrls,
    control: server.simulator,
    /** Milliseconds from spawn to the first 200 of /api/health. */
    startupMs,
    /** The server's process id, also its process group's. */
    pid: server.pid,
    stop: () => server.stop(),
  };
}
