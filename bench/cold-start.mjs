import { ensureBuild, makeDataDir, removeDataDir, startApp } from "./lib/app-server.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";
import { runTsxWorker } from "./lib/tsx-worker.mjs";

const PORT = 3807;
const SIMULATOR_PORT = 4870;
const STARTS = 3;

const report = createReport("cold-start", "7. Cold start: next start → /api/health 200 with 1,000 runs");
await ensureBuild();
const dataDir = makeDataDir("cold-start");
try {
  const seeded = runTsxWorker("seed-runs.ts", { DATA_DIR: dataDir });
  const startups = [];
  for (let index = 0; index < STARTS; index++) {
    const app = await startApp({ port: PORT, simulatorPort: SIMULATOR_PORT, dataDir });
    startups.push(app.startupMs);
    await app.stop();
  }
  report.method(`
    ${seeded.runs} finished three-model runs (${seeded.jobs} jobs, ${seeded.images} image rows) written into a PGlite data directory,
    then \`next start\` (production build, built-in simulator on, which it starts and restores first) spawned ${STARTS} times on
    it; each time from spawn to the first 200 of GET /api/health (polled every 10 ms): Node and Next start, PGlite
    opens the existing directory, migrations are checked and the runner resumes (nothing unfinished here).`);
  const stats = summarize(startups);
  report.row("spawn → /api/health 200, median", stats.median, "ms");
  report.row("spawn → /api/health 200, slowest", stats.max, "ms");
  report.note(
    "no target is set here; the toolchain notes measured 0.87 s to reopen an existing PGlite directory",
  );
  report.save({ seeded, startups });
} finally {
  removeDataDir(dataDir);
}
