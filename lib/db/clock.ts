import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** The database's clock: what `now()` reads on the server every instance shares. */
export async function databaseTime(db: Database): Promise<Date> {
  const [row] = await db
    .select({ epochMs: sql<string>`(extract(epoch from now()) * 1000)::text` })
    .from(sql`(values (1)) as clock(one)`);
  return new Date(Number(row?.epochMs));
}

export interface DatabaseClock {
  /** The database's time, read as this process's clock plus the last measured offset. */
  now(): Date;
  /** Measures the offset again (clocks drift; a VM resumes). */
  sync(): Promise<void>;
}

/**
 * Due times and deadlines are written by one instance and compared by another, so they are all
 * read from this clock rather than the app server's: with app clocks minutes apart, a job created
 * on one instance is due at once on another, and a deadline set by one is not cut short by the
 * next. The offset is measured against `now()`, halfway through the query's round trip.
 */
export function createDatabaseClock(db: Database, appNow: () => Date = () => new Date()): DatabaseClock {
  let offsetMs = 0;
  return {
    now: () => new Date(appNow().getTime() + offsetMs),
    async sync() {
      const before = appNow().getTime();
      const database = (await databaseTime(db)).getTime();
      const after = appNow().getTime();
      offsetMs = database - (before + after) / 2;
    },
  };
}
