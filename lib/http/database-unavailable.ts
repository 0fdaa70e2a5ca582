/**
 * Whether `error` (or an error it wraps, as drizzle's query errors do) means the database could not
 * do the work right now rather than that the request was wrong: the connection was refused or lost,
 * PostgreSQL is restarting, or one of Prism's timeouts cut a wait short (lib/db/client.ts). Such a
 * request is worth repeating, so it is answered 503 with Retry-After, never a 500.
 * Recognised by codes, never by class (the driver may be bundled in several copies).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || isPostgresUnavailableState(code)))
      return true;
    if (typeof message === "string" && DRIVER_MESSAGES.some((text) => message.includes(text))) return true;
    current = cause;
  }
  return false;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** What node-postgres says when a connection ends or cannot be had (it sets no code). */
const DRIVER_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
];

function isPostgresUnavailableState(code: string): boolean {
  return (
    // connection_exception (08xxx), admin_shutdown, crash_shutdown, cannot_connect_now
    code.startsWith("08") ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03" ||
    code === "53300" || // too_many_connections
    code === "55P03" || // lock_not_available: lock_timeout ran out (e.g. the budget's lock)
    code === "57014" || // query_canceled: statement_timeout
    code === "25P03" // idle_in_transaction_session_timeout
  );
}
