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
  `12. Scorecard and prompt searches: GET /api/scorecard's, History's and the picks board's work with ${RUNS.toLocaleString("en")} runs`,
);
report.method(`
  ${RUNS} finished three-model runs (one image per job, 1 job in 20 failed, stars, 1 run in 50 a blind review with three
  ballots) written straight into the database, as a bulk import leaves it (no planner statistics yet); then each query
  timed 7 times after a warm-up, q= being "packaging shot": getScorecard unfiltered and with q=, History's page
  (listRunRows, 20 runs) unfiltered, with q=, status=failed and starred with q=fox, the picks board (listPickRows, 60)
  with q= and with a model, and the shared links list. PGlite (in memory, in the worker's process) has no autovacuum:
  the ANALYZE the app's statistics keeper runs at boot is timed table by table (each blocks the event loop), then every
  query again. PostgreSQL: a private cluster (scripts/pg-test-server.sh, fsync off).`);

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

const CASES = [
  ["all", "scorecard"],
  ["search", "scorecard, q="],
  ["historyPage", "History"],
  ["historySearch", "History, q="],
  ["historyFailed", "History, failed"],
  ["historyStarred", "History, starred, q=fox"],
  ["picksSearch", "picks, q="],
  ["picksModel", "picks, a model"],
  ["sharedLinks", "shared links"],
];

/** Median and slowest of every case: one slow plan hides behind a median. */
function caseRows(label, cases, target) {
  for (const [key, name] of CASES) {
    const figures = summarize(cases[key].samples);
    report.row(`${label}: ${name}, median`, figures.median, "ms", target);
    report.row(`${label}: ${name}, slowest`, figures.max, "ms", target);
  }
}

caseRows("PostgreSQL", results.postgres.cases, { max: TARGET_MS });
caseRows("PGlite unanalysed", results.pglite.cases);
const { analyzed } = results.pglite;
for (const [table, ms] of Object.entries(analyzed.tables)) report.row(`PGlite: ANALYZE ${table}`, ms, "ms");
report.row(`PGlite: ANALYZE ${analyzed.rest.length} other tables`, analyzed.restMs, "ms");
caseRows("PGlite analysed", analyzed.cases);
report.note("the target (≤ 500 ms) is PostgreSQL's; PGlite is measured and reported");
report.save(results);
