/**
 * The scorecard and the prompt searches on a database of RUNS finished three-model runs
 * (seed-scored-runs.ts), timed as a bulk import leaves it (no planner statistics yet; embedded PGlite
 * has no autovacuum): getScorecard unfiltered and with a prompt search, History's page unfiltered,
 * with q=, with a status filter and starred with q=, the picks board with q= and with a model
 * filter, and the shared links list. On PGlite the ANALYZE the app's statistics keeper runs is
 * timed too (the three big tables one by one, then the rest), and every case again after it.
 * ENGINE=postgres uses DATABASE_URL; anything else an in-memory PGlite.
 * Started by bench/scorecard.mjs through tsx; prints one JSON line.
 */
import { openDatabase, type Database } from "@/lib/db/client";
import { listGalleryRows } from "@/lib/db/queries/galleries";
import { analyzeTable } from "@/lib/db/queries/planner";
import { listPickRows } from "@/lib/db/queries/picks";
import { listRunRows } from "@/lib/db/queries/runs";
import { scorecardQuerySchema } from "@/lib/api/scorecard-requests";
import { refreshStatistics } from "@/lib/server/planner-statistics";
import { getScorecard } from "@/lib/scorecard/scorecard";
import { seedScoredRuns, SEEDED_MODELS } from "./seed-scored-runs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);

const engine = process.env.ENGINE === "postgres" ? "postgres" : "pglite";
const handle =
  engine === "postgres"
    ? await openDatabase({ engine: "postgres", url: process.env.DATABASE_URL! })
    : await openDatabase({ engine: "pglite", dataDir: "memory://" });
const { db } = handle;

const CASES: Record<string, (db: Database) => Promise<unknown>> = {
  all: (db) => getScorecard(db, scorecardQuerySchema.parse({})),
  search: (db) => getScorecard(db, scorecardQuerySchema.parse({ q: "packaging shot" })),
  historyPage: (db) => listRunRows(db, { limit: 20 }),
  historySearch: (db) => listRunRows(db, { limit: 20, q: "packaging shot" }),
  historyFailed: (db) => listRunRows(db, { limit: 20, status: "failed" }),
  historyStarred: (db) => listRunRows(db, { limit: 20, starred: true, q: "fox" }),
  picksSearch: (db) => listPickRows(db, { limit: 60, q: "packaging shot" }),
  picksModel: (db) => listPickRows(db, { limit: 60, modelId: SEEDED_MODELS[2].modelId }),
  sharedLinks: (db) => listGalleryRows(db),
};

/** Each case after a warm-up (plans and caches), SAMPLES times. */
async function timeCases() {
  const results: Record<string, { samples: number[] }> = {};
  for (const [name, run] of Object.entries(CASES)) {
    await run(db);
    const samples: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      const start = process.hrtime.bigint();
      await run(db);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    results[name] = { samples };
  }
  return results;
}

try {
  const seeded = await seedScoredRuns(db, RUNS);
  const cases = await timeCases();
  let analyzed;
  if (engine === "pglite") {
    // What the app's statistics keeper does at boot: one table at a time, each timed (each blocks
    // PGlite's event loop while it runs).
    const tables: Record<string, number> = {};
    for (const table of ["runs", "jobs", "images"]) {
      const start = process.hrtime.bigint();
      await analyzeTable(db, table);
      tables[table] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    const start = process.hrtime.bigint();
    const rest = await refreshStatistics(db);
    analyzed = {
      tables,
      restMs: Number(process.hrtime.bigint() - start) / 1e6,
      rest,
      cases: await timeCases(),
    };
  }
  console.log(JSON.stringify({ engine, seeded, cases, analyzed }));
} finally {
  await handle.close();
}
