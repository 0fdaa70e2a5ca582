import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, PROJECT_DIR } from "./lib/app-server.mjs";
import { sourceLabel } from "./lib/source-tree.mjs";

/** `npm run bench`: every bench in turn, each in its own process, after one shared build. */
const BENCHES = [
  "proxy-overhead.mjs",
  "status-throughput.mjs",
  "completion-to-screen.mjs",
  "watch-requests.mjs",
  "first-load.mjs",
  "ingest.mjs",
  "input-upload.mjs",
  "big-gallery.mjs",
  "matrix.mjs",
  "cold-start.mjs",
  "long-poll-herd.mjs",
  "contact-sheet-burst.mjs",
  "scorecard.mjs",
];

const cpuModel =
  readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model;
console.log("Prism benchmarks: measurements, not tests (each figure with its target beside it)");
console.log(
  `  ${new Date().toISOString()} · ${os.availableParallelism()} cores, ${cpuModel} · Node ${process.version}`,
);
console.log(
  `  load average before: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} · source: ${sourceLabel(PROJECT_DIR)}`,
);
await ensureBuild();

const failed = [];
for (const bench of BENCHES) {
  try {
    // Through tsx, like this script: the benches share the launcher and simulator client in lib/testing.
    execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, bench)], {
      stdio: "inherit",
    });
  } catch {
    failed.push(bench);
  }
}
console.log(
  `\n  load average after: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}`,
);
if (failed.length > 0) {
  console.log(`  could not measure: ${failed.join(", ")}`);
  process.exitCode = 1;
}
