import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * The statistics target of Prism's own ANALYZE: it samples 300 times this many rows of a table,
 * whatever the table's size, so one table blocks PGlite's event loop for a bounded time (about a
 * tenth of a second for 30,000 jobs; the default target, 100, took half a second). Row counts and
 * the sizes hash joins need come out exact either way.
 */
export const ANALYZE_STATISTICS_TARGET = 10;
/** A table is analysed again once it has grown by this share of the pages its statistics saw... */
const GROWTH_SHARE = 0.1;
/** ...and by at least this many pages (8 kB each): small tables are not analysed for every few rows. */
const GROWTH_MIN_PAGES = 8;

/**
 * Prism's tables never analysed (PGlite forgets which after a restart: it keeps no statistics
 * files) or grown by more than a tenth since: a catalog read, no table is scanned.
 */
export async function tablesToAnalyze(db: Database): Promise<string[]> {
  const result: unknown = await db.execute(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and (
      c.reltuples < 0 or
      pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * ${1 + GROWTH_SHARE}::float8 + ${GROWTH_MIN_PAGES}::int
    )
    order by c.relname`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { name: string }[] }).rows) as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}

/** Gathers the planner's statistics for one table, at ANALYZE_STATISTICS_TARGET. */
export async function analyzeTable(db: Database, table: string): Promise<void> {
  await db.transaction(async (transaction) => {
    await transaction.execute(
      sql`select set_config('default_statistics_target', ${String(ANALYZE_STATISTICS_TARGET)}, true)`,
    );
    await transaction.execute(sql`analyze ${sql.identifier(table)}`);
  });
}

/**
 * Runs `read` with nested loops and JIT off, for queries whose plan is hash joins over whole tables.
 * Without statistics (a new database, right after a bulk import, PGlite until it has analysed) the
 * planner expects one row of a prompt search and nests a loop over every matching row per row:
 * seconds, or the statement timeout, instead of a tenth of a second. JIT's compiling costs more than
 * it saves on them.
 */
export function withoutNestedLoops<T>(db: Database, read: (db: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    await transaction.execute(
      sql`select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`,
    );
    return read(transaction);
  });
}
