import "server-only";

/**
 * Structured JSON-lines logger. Secrets never reach the output: fields whose names look secret are
 * replaced, and the values of secret-looking environment variables are masked wherever they appear.
 */

type LogLevel = "debug" | "info" | "warn" | "error";
type LogFields = Record<string, unknown>;

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /key|token|secret|password|authorization|cookie|credential/i;
const SECRET_ENV = /KEY|TOKEN|SECRET|PASSWORD|DATABASE_URL/;
const REDACTED = "[redacted]";
/** Short values (e.g. "on") would mask ordinary words. */
const MIN_SECRET_LENGTH = 8;

function secretValues(): string[] {
  return Object.entries(process.env)
    .filter(([name, value]) => SECRET_ENV.test(name) && value && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value as string);
}

function maskSecrets(text: string): string {
  let masked = text;
  for (const secret of secretValues()) masked = masked.split(secret).join(REDACTED);
  return masked;
}

/**
 * A failed query's message lists its parameters, which are user text (prompts, notes, titles):
 * only the statement and how many parameters it had are logged.
 */
function withoutQueryParameters(error: Error): { message: string; stack?: string } {
  const { query, params } = error as { query?: unknown; params?: unknown };
  if (typeof query !== "string" || !Array.isArray(params))
    return { message: error.message, stack: error.stack };
  const message = `Failed query: ${query}\nparams: ${params.length} not logged`;
  const stackFrames = error.stack?.split("\n    at ").slice(1);
  return { message, stack: [`${error.name}: ${message}`, ...(stackFrames ?? [])].join("\n    at ") };
}

function serialize(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      ...withoutQueryParameters(value),
      cause: serialize(value.cause, depth + 1),
    };
  }
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => serialize(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      SECRET_FIELD.test(name) ? REDACTED : serialize(item, depth + 1),
    ]),
  );
}

function minimumLevel(): LogLevel {
  const level = process.env.LOG_LEVEL?.toLowerCase();
  if (level && level in LEVEL_ORDER) return level as LogLevel;
  return process.env.NODE_ENV === "test" ? "warn" : "info";
}

function write(level: LogLevel, message: string, fields: LogFields = {}): void {
  if (LEVEL_ORDER[level] < LEVEL_ORDER[minimumLevel()]) return;
  const line = maskSecrets(
    JSON.stringify({ time: new Date().toISOString(), level, message, ...(serialize(fields) as LogFields) }),
  );
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write("debug", message, fields),
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};

export type Logger = typeof logger;
