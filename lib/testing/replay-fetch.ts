import { readFileSync } from "node:fs";
import path from "node:path";
import { isProviderError, type FetchLike, type ProviderError } from "@/lib/providers/types";

/** One request an adapter made, as the fake saw it. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Parsed JSON body, when there was one. */
  body: unknown;
}

/** One scripted answer. Exactly one of json, text, throws, hang or dropAfter is used. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** fetch rejects with this (a connection failure before any answer). */
  throws?: unknown;
  /** Never answers: only the caller's AbortSignal ends the call. */
  hang?: true;
  /** Sends these bytes of body, then the connection drops. */
  dropAfter?: string;
}

export type ReplayFetch = FetchLike & { requests: RecordedRequest[] };

/** undici's shape for a socket failure: TypeError("fetch failed") caused by an error with a code. */
export function socketError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(`socket error ${code}`), { code }) });
}

function abortable(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

function droppingBody(prefix: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(prefix));
      controller.error(new TypeError("terminated"));
    },
  });
}

/** A fetch that answers with the scripted replies in order and records every request. */
export function replayFetch(...replies: Reply[]): ReplayFetch {
  const queue = [...replies];
  const requests: RecordedRequest[] = [];
  const fake = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ url: String(input), method: init?.method ?? "GET", headers, body });
    const reply = queue.shift();
    if (!reply) throw new Error(`replayFetch: no reply scripted for ${String(input)}`);
    if (reply.throws !== undefined) throw reply.throws;
    if (reply.hang) return abortable(init?.signal);
    const status = reply.status ?? 200;
    const responseInit = { status, headers: reply.headers };
    if (reply.dropAfter !== undefined) return new Response(droppingBody(reply.dropAfter), responseInit);
    if (reply.json !== undefined) {
      return new Response(JSON.stringify(reply.json), {
        ...responseInit,
        headers: { "content-type": "application/json", ...reply.headers },
      });
    }
    return new Response(reply.text ?? "", responseInit);
  };
  return Object.assign(fake, { requests });
}

/** The ProviderError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error("expected a ProviderError, but the call succeeded");
}

/** Reads `<dir>/__fixtures__/<name>.json` (or another extension when given) from a test's folder. */
export function fixtureLoader(dir: string) {
  return {
    json: (name: string): unknown =>
      JSON.parse(readFileSync(path.join(dir, "__fixtures__", `${name}.json`), "utf8")),
    text: (name: string): string => readFileSync(path.join(dir, "__fixtures__", name), "utf8"),
  };
}
