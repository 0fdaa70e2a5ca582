import "server-only";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { databaseUrl, dataDir } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";
import { listenOnPostgres, type ListenOptions } from "./pg-listener";
import * as schema from "./schema";

/** Both engines speak the same pg-core dialect, so every query is written once against this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
  /**
   * True when no other process can reach this database (embedded PGlite): leases left by a
   * previous process of ours can then be dropped at boot instead of waiting for them to expire.
   */
  exclusive: boolean;
  /**
   * Delivers every NOTIFY on `channel` (from any instance, this one included) until the returned
   * function is called. PGlite delivers its own notifications in process.
   */
  listen(channel: string, options: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { engine: "postgres"; url: string }
  /** A directory, or "memory://" for tests. */
  | { engine: "pglite"; dataDir: string };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
/** Any fixed number: PostgreSQL advisory locks are keyed by an integer, shared by every instance. */
const MIGRATION_LOCK_KEY = 7_347_710_233;

/** How many migrations this build ships (drizzle/meta/_journal.json): its schema version. */
export function knownMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export function defaultDatabaseLocation(): DatabaseLocation {
  const url = databaseUrl();
  if (url) return { engine: "postgres", url };
  return { engine: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

/** Opens a database and applies every pending migration from drizzle/. */
export async function openDatabase(
  location: DatabaseLocation = defaultDatabaseLocation(),
): Promise<DatabaseHandle> {
  const handle =
    location.engine === "postgres" ? await openPostgres(location.url) : await openPglite(location.dataDir);
  logger.info("Database ready", { engine: handle.engine });
  return handle;
}

async function openPglite(directory: string): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const inMemory = directory.startsWith("memory://");
  // PGlite does not create parent directories itself (docs/toolchain.md #9).
  if (!inMemory) mkdirSync(directory, { recursive: true });
  const client = new PGlite(directory);
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    engine: "pglite",
    exclusive: true,
    // One process owns the database: no connection to lose, so no reconnect.
    listen: (channel, { onMessage }) => client.listen(channel, onMessage),
    close: () => client.close(),
  };
}

/**
 * Limits on every connection of Prism's pool, so an instance that stops mid-transaction (a paused
 * VM, a SIGSTOP, a partition without RST) cannot hold rows or the budget's lock for the others for
 * longer than this: PostgreSQL ends its session and its locks go with it.
 */
export const CONNECTION_LIMITS = {
  idle_in_transaction_session_timeout: 15_000,
  /** A wait for a row or advisory lock: the budget's lock is shorter still (queries/spend.ts). */
  lock_timeout: 5_000,
  statement_timeout: 30_000,
  /** To get a connection at all: while PostgreSQL is down, requests fail fast (503) rather than pile up. */
  connectionTimeoutMillis: 5_000,
  /** A peer that vanished without a word is noticed by the kernel. */
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  // Migrations get a pool of their own without the statement limits: a backfill may take longer.
  const migrationPool = new Pool({ connectionString: url, max: 2 });
  migrationPool.on("error", (error) => logger.error("PostgreSQL migration pool error", { error }));
  // Instances of one deployment boot together, and drizzle's migrator takes no lock: without this,
  // two of them apply the same migration at once and one dies on "relation already exists". The
  // lock is held by its own connection, so the migrator's transaction (on another) is unaffected.
  try {
    const lockClient = await migrationPool.connect();
    try {
      await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrate(drizzle({ client: migrationPool, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      lockClient.release();
    } catch (error) {
      // Destroying the connection ends its session, which drops the lock too.
      lockClient.release(true);
      throw error;
    }
  } finally {
    await migrationPool.end();
  }
  const pool = new Pool({ connectionString: url, max: 10, ...CONNECTION_LIMITS });
  pool.on("error", (error) => logger.error("PostgreSQL pool error", { error }));
  const db = drizzle({ client: pool, schema });
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    engine: "postgres",
    exclusive: false,
    async listen(channel, options) {
      const stop = await listenOnPostgres(url, channel, options);
      listeners.add(stop);
      return () => {
        listeners.delete(stop);
        return stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

const database = processSlot<Promise<DatabaseHandle>>("database");
const databaseReady = processSlot<boolean>("databaseReady");

/**
 * The process-wide database, opened and migrated on first use. PGlite allows one instance per data
 * directory, so every bundle of the process shares this one (lib/process-state.ts).
 */
export function getDatabase(): Promise<DatabaseHandle> {
  return database.getOrCreate(() =>
    openDatabase().then(
      (handle) => {
        databaseReady.set(true);
        return handle;
      },
      (error: unknown) => {
        database.set(undefined);
        throw error;
      },
    ),
  );
}

/** True once getDatabase() has opened and migrated the database. */
export function isDatabaseReady(): boolean {
  return databaseReady.get() === true;
}
