import "server-only";
import { AppError } from "@/lib/errors";
import { processSlot } from "@/lib/process-state";

/**
 * A contact sheet costs a second or more of rendering, part of it (Satori's layout) on the event
 * loop: twenty requests at once once stalled every other request for ten seconds. So every sheet
 * (a run's, a selection of picks) is drawn here: requests for the same sheet share one drawing, an
 * instance draws at most RENDER_SLOTS sheets at once, and a request that waits longer than
 * RENDER_WAIT_MS for a slot is answered 503 with Retry-After.
 */
export const RENDER_SLOTS = 2;
export const RENDER_WAIT_MS = 20_000;
const RETRY_AFTER_SECONDS = 5;

export interface SheetOptions {
  slots?: number;
  waitMs?: number;
}

interface SheetRenders {
  busy: number;
  waiting: (() => void)[];
  /** Drawings in flight by what they show (e.g. "run:<id>.<version>"), shared by every request for it. */
  inFlight: Map<string, Promise<unknown>>;
}

const renders = processSlot<SheetRenders>("sheetRenders").getOrCreate(() => ({
  busy: 0,
  waiting: [],
  inFlight: new Map(),
}));

function busyError(): AppError {
  return new AppError("service_unavailable", "Contact sheets are being drawn for others: try again shortly", {
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

async function inRenderSlot<T>(work: () => Promise<T>, slots: number, waitMs: number): Promise<T> {
  if (renders.busy >= slots) {
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        renders.waiting.splice(renders.waiting.indexOf(turn), 1);
        reject(busyError());
      }, waitMs);
      renders.waiting.push(turn);
    });
  } else renders.busy++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = renders.waiting.shift();
    if (next) next();
    else renders.busy--;
  }
}

/**
 * Draws the sheet `id` names in a render slot, or joins the drawing of it already in flight. `id`
 * must name everything the sheet shows, so that requests sharing a drawing want the same bytes.
 */
export function drawShared<T>(id: string, draw: () => Promise<T>, options: SheetOptions = {}): Promise<T> {
  const running = renders.inFlight.get(id) as Promise<T> | undefined;
  if (running) return running;
  const drawing = inRenderSlot(draw, options.slots ?? RENDER_SLOTS, options.waitMs ?? RENDER_WAIT_MS).finally(
    () => renders.inFlight.delete(id),
  );
  renders.inFlight.set(id, drawing);
  return drawing;
}
