import "server-only";
import type { Database } from "@/lib/db/client";
import { findIdempotencyKey, type IdempotencyClaim } from "@/lib/db/queries/idempotency-keys";
import { AppError } from "@/lib/errors";

/** JSON with every object's keys sorted: jsonb keeps its own key order, not the request's. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The top-level fields whose values differ between two requests. */
function differingFields(first: Record<string, unknown>, second: Record<string, unknown>): string[] {
  const fields = [...new Set([...Object.keys(first), ...Object.keys(second)])];
  return fields.filter((field) => canonical(first[field]) !== canonical(second[field])).sort();
}

/**
 * What an earlier request under the same Idempotency-Key created (its id), or undefined when the
 * key is new. The same key with another request is refused with 422 naming the fields that differ
 * (as the IETF idempotency-key draft describes), never answered with the first request's result.
 */
export async function repeatedRequest(db: Database, claim: IdempotencyClaim): Promise<string | undefined> {
  const first = await findIdempotencyKey(db, claim);
  if (!first) return undefined;
  const fields = differingFields(first.request, claim.request);
  if (fields.length > 0) {
    throw new AppError(
      "invalid_input",
      `This Idempotency-Key was first sent with a different request (${fields.join(", ")} ${fields.length === 1 ? "differs" : "differ"}): use a new key for a new request`,
      {
        issues: fields.map((path) => ({
          path,
          message: "Differs from the request first sent with this Idempotency-Key",
        })),
      },
    );
  }
  return first.resourceId;
}
