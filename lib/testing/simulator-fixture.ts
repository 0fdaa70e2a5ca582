import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { closeServer, listen, readRequest } from "@/lib/simulator/http-utils";

/** The simulator's own tests: a key it accepts, a callback receiver, and a per-file fixture of both. */

export const KEY = "test-key";

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
    await simulator?.control.reset();
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
