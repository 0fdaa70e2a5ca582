import os from "node:os";
import path from "node:path";
import { simulatorUrls } from "../../lib/providers/simulator-urls";
import { simulatorClient } from "../../lib/simulator/client";

/** e2e runs the production build on its own ports and data directory, with the simulator on. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3300);
export const E2E_SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 4310);
// Fixed per Playwright run (the config module is evaluated by each worker too), fresh per run.
export const E2E_DATA_DIR = (process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `prism-e2e-${Date.now()}`));
/** Added to the fixed ports of the specs that start their own servers, so two checkouts can run them at once. */
export const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The control port of the simulator the e2e server runs in-process. */
export const e2eSimulator = simulatorClient(simulatorUrls(E2E_SIMULATOR_PORT).control);
