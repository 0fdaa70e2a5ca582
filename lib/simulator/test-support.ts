import { createServer, type Server } from "node:http";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll } from "vitest";
import { closeServer, listen, readRequest } from "./http-utils";
import { type RunningSimulator, startSimulator } from "./index";

/** Helpers shared by the simulator's own tests. */

export const KEY = "test-key";

export async function control(simulator: RunningSimulator, path: string, body?: unknown, method = "POST") {
  const response = await fetch(`${simulator.urls.control}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Polls until `read` returns a value for which `done` holds; never asserts on time itself. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 400,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition never became true");
}

export async function download(url: string) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get("content-type"), bytes };
}

export async function imageInfo(url: string) {
  const { status, contentType, bytes } = await download(url);
  const metadata = await sharp(bytes).metadata();
  return {
    status,
    contentType,
    bytes,
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
  };
}

export interface CallbackReceiver {
  url: string;
  received: unknown[];
  /** Status the receiver answers with, in order; 200 once the list runs out. */
  statuses: number[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<CallbackReceiver> {
  const received: unknown[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((incoming, response) => {
    void readRequest(incoming, "http://receiver").then((request) => {
      received.push(request.json);
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  const port = await listen(server, 0, "127.0.0.1");
  return { url: `http://127.0.0.1:${port}/hook`, received, statuses, close: () => closeServer(server) };
}

export interface SimulatorWithReceiver {
  readonly simulator: RunningSimulator;
  readonly receiver: CallbackReceiver;
}

/** Registers hooks for this test file: a simulator and a callback receiver, both reset after each test. */
export function setUpSimulatorWithReceiver(): SimulatorWithReceiver {
  let simulator: RunningSimulator | undefined;
  let receiver: CallbackReceiver | undefined;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, stepMs: 20 });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await simulator?.close();
  });
  afterEach(async () => {
    if (simulator) await control(simulator, "/reset");
    receiver?.received.splice(0);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the simulator starts in beforeAll");
    return value;
  };
  return {
    get simulator() {
      return started(simulator);
    },
    get receiver() {
      return started(receiver);
    },
  };
}
