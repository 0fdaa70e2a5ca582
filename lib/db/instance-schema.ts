import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What an instance can do, as it records it at boot: instances of one deployment should agree, and
 * one that does not says so (lib/server/instance-drift.ts).
 */
export interface InstanceFingerprint {
  /** Each provider's endpoint (lib/providers/registry.ts providerEndpoint), null without a key. */
  providers: Record<string, string | null>;
  /** "local" (this machine's disk) or "s3:<endpoint>/<bucket>". */
  storage: string;
  /** The migrations this build knows (their count). */
  schema: number;
}

/** Every running instance on this database, kept fresh by a heartbeat; one row per process. */
export const instances = pgTable("instances", {
  /** The runner's owner id ("host:pid:random"), as in jobs.lease_owner. */
  id: text("id").primaryKey(),
  fingerprint: jsonb("fingerprint").$type<InstanceFingerprint>().notNull(),
  startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** The database's clock at the last heartbeat: an instance unseen for a while is gone. */
  seenAt: timestamp("seen_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type InstanceRow = typeof instances.$inferSelect;
