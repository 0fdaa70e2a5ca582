import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO_DIR = path.resolve(import.meta.dirname, "..", "..");
const SNAPSHOTS_DIR = path.join(os.tmpdir(), "prism-bench-src");

/**
 * The source tree the benches build and run. By default a snapshot of the last commit: several
 * people edit this checkout at once, and a half-written file elsewhere must neither break the build
 * nor end up in the figures. BENCH_SOURCE=worktree measures the checkout as it is instead.
 * The snapshot shares node_modules through hard links, so it costs seconds and no disk.
 */
export function sourceDir() {
  if (process.env.BENCH_SOURCE === "worktree") return REPO_DIR;
  const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
    cwd: REPO_DIR,
    encoding: "utf8",
  }).trim();
  const directory = path.join(SNAPSHOTS_DIR, commit);
  if (existsSync(path.join(directory, "package.json"))) return directory;
  rmSync(SNAPSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  execSync(`git archive --format=tar HEAD | tar -x -C ${JSON.stringify(directory)}`, { cwd: REPO_DIR });
  execFileSync("cp", ["-al", path.join(REPO_DIR, "node_modules"), path.join(directory, "node_modules")]);
  return directory;
}

/** The commit a snapshot was taken from, for the reports. */
export function sourceLabel(directory) {
  return directory === REPO_DIR ? "working tree" : `commit ${path.basename(directory)}`;
}
