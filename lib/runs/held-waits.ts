import "server-only";
import { processSlot } from "@/lib/process-state";

/**
 * The long-polls this instance holds. Each costs a socket and a subscriber, and ~18,000 of them once
 * starved /api/health, so they are capped in all and per client; a request over a cap is answered at
 * once with the run as it is (200 or 304) and the browser simply asks again.
 */
interface HeldWaits {
  total: number;
  perClient: Map<string, number>;
}

const state = processSlot<HeldWaits>("heldWaits").getOrCreate(() => ({ total: 0, perClient: new Map() }));

export interface HeldWaitLimits {
  perInstance: number;
  perClient: number;
}

/** A place for one more held wait of `client`, with its release; null when a cap is reached. */
export function holdWait(client: string, limits: HeldWaitLimits): (() => void) | null {
  const ofClient = state.perClient.get(client) ?? 0;
  if (state.total >= limits.perInstance || ofClient >= limits.perClient) return null;
  state.total++;
  state.perClient.set(client, ofClient + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.total--;
    const left = (state.perClient.get(client) ?? 1) - 1;
    if (left > 0) state.perClient.set(client, left);
    else state.perClient.delete(client);
  };
}

/** How many waits are held now, in all (for tests and the bench's readings). */
export function heldWaitCount(): number {
  return state.total;
}
