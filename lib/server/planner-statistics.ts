import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { DatabaseHandle } from "@/lib/db/client";
import { analyzeTable, tablesToAnalyze } from "@/lib/db/queries/planner";
import { logger } from "@/lib/logger";

/** How often an embedded database checks whether a table has grown enough to be analysed again. */
export const STATISTICS_CHECK_INTERVAL_MS = 60_000;

/**
 * Analyses each table never analysed or grown by a tenth since, one table at a time: ANALYZE on
 * PGlite runs on the event loop, and requests get their turn between two tables. Returns the
 * tables analysed.
 */
export async function refreshStatistics(db: DatabaseHandle["db"]): Promise<string[]> {
  const tables = await tablesToAnalyze(db);
  for (const table of tables) {
    await nextTurn();
    await analyzeTable(db, table);
  }
  return tables;
}

/**
 * Keeps the planner's statistics of an embedded PGlite database fresh: now (after the migrations at
 * boot), then every STATISTICS_CHECK_INTERVAL_MS until `shouldStop()`. PGlite has no autovacuum:
 * without this its planner never has statistics and a prompt search can plan a loop per row.
 * PostgreSQL's autovacuum does this itself, so nothing is started there. The timer keeps no process
 * alive; the returned function stops it.
 */
export function startStatisticsKeeper(handle: DatabaseHandle, shouldStop: () => boolean): () => void {
  if (handle.engine !== "pglite") return () => {};
  let running = false;
  const refresh = async () => {
    if (running || shouldStop()) return;
    running = true;
    try {
      const start = performance.now();
      const tables = await refreshStatistics(handle.db);
      if (tables.length > 0) {
        logger.info("Planner statistics gathered", { tables, ms: Math.round(performance.now() - start) });
      }
    } catch (error) {
      logger.warn("Gathering planner statistics failed; it is tried again later", { error });
    } finally {
      running = false;
    }
  };
  void refresh();
  const timer = setInterval(refresh, STATISTICS_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
