import type { IncomingHttpHeaders } from "node:http";
import type { SimulatedProvider } from "./faults";

export interface CallRecord {
  provider: SimulatedProvider;
  method: string;
  /** Path with query string, as received. */
  path: string;
  /** Every header received; credential values are replaced by "<redacted>". */
  headers: Record<string, string>;
  /** Whether the request carried a key the provider accepts (always true for image downloads). */
  authOk: boolean;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  at: string;
}

const SECRET_HEADERS = new Set(["authorization", "ocp-apim-subscription-key", "x-dashscope-apikey"]);
// The app can run on the simulator for days; keep memory bounded.
const MAX_RECORDS = 2000;

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name] = SECRET_HEADERS.has(name) ? "<redacted>" : Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}

export class CallLog {
  private records: CallRecord[] = [];

  add(record: CallRecord): void {
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  list(provider?: string): CallRecord[] {
    return provider ? this.records.filter((record) => record.provider === provider) : [...this.records];
  }

  clear(): void {
    this.records = [];
  }
}
