import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_DIR } from "./lib/app-server.mjs";
import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";
import { runTsxWorker } from "./lib/tsx-worker.mjs";

const TARGET_MS = 500;
const RUNS = 10_000;
const PG_PORT = process.env.PG_TEST_PORT ?? "25490";

const report = createReport(
  "scorecard",
  `12. Scorecard: GET /api/scorecard's work with ${RUNS.toLocaleString("en")} runs`,
);
report.method(`
  ${RUNS} finished three-model runs (one image per job, 1 job in 20 failed, stars, 1 run in 50 a blind review with three
  ballots) written straight into the database; then getScorecard (the figures per model and configuration with grouping
  sets, the pairwise outcomes of the ballots, the time histogram, and the Wilson intervals) timed 7 times after a warm-up,
  unfiltered and with q="packaging shot". PostgreSQL: a private cluster (scripts/pg-test-server.sh, fsync off);
  PGlite: in memory, in the worker's process.`);

const server = execFileSync(path.join(PROJECT_DIR, "scripts", "pg-test-server.sh"), {
  env: { ...process.env, PG_TEST_PORT: PG_PORT },
  encoding: "utf8",
}).trim();
const [clusterDir, url] = server.split(" ");
const results = {};
try {
  results.postgres = runTsxWorker("scorecard.ts", {
    ENGINE: "postgres",
    DATABASE_URL: url,
    BENCH_RUNS: String(RUNS),
  });
} finally {
  execFileSync(path.join(PROJECT_DIR, "scripts", "pg-test-server.sh"), ["stop", clusterDir]);
}
results.pglite = runTsxWorker("scorecard.ts", { ENGINE: "pglite", BENCH_RUNS: String(RUNS) });

for (const [engine, label] of [
  ["postgres", "PostgreSQL"],
  ["pglite", "PGlite"],
]) {
  const result = results[engine];
  const target = engine === "postgres" ? { max: TARGET_MS } : undefined;
  const all = summarize(result.all.samples);
  const search = summarize(result.search.samples);
  report.row(`${label}: all runs, median`, all.median, "ms", target);
  report.row(`${label}: all runs, slowest`, all.max, "ms", target);
  report.row(`${label}: q="packaging shot", median`, search.median, "ms", target);
}
report.note("the target (≤ 500 ms) is PostgreSQL's; PGlite is measured and reported");
report.save(results);
