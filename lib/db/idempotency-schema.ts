import { jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The Idempotency-Key of each POST that created a run or a take, per caller and route: a repeat
 * with the same key gets what the first request made, another request under it is refused
 * (lib/jobs/idempotency.ts). Part of schema.ts, which re-exports it.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** "session:<digest of the session>" when signed in, else "address:<client address>". */
    scope: text("scope").notNull(),
    /** "POST /api/runs", "POST /api/jobs/:id/rerun". */
    route: text("route").notNull(),
    key: text("key").notNull(),
    /** What the first request asked for, to tell a repeat from another request under the same key. */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** The run or job the first request created. */
    resourceId: text("resource_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.route, table.key] })],
);
