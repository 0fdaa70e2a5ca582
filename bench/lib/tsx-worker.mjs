import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_DIR } from "./app-server.mjs";

/**
 * Runs a bench/workers/*.ts script with tsx against the measured source tree (its `@/` imports
 * resolve there), with the react-server condition so `server-only` modules load; returns the JSON
 * the worker printed on its last line.
 */
export function runTsxWorker(name, env = {}) {
  const script = path.join(import.meta.dirname, "..", "workers", name);
  const output = execFileSync(
    path.join(PROJECT_DIR, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", script],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(PROJECT_DIR, "tsconfig.json"), ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(output.trim().split("\n").at(-1));
}
