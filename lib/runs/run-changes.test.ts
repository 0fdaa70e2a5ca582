import { afterEach, describe, expect, it, vi } from "vitest";
import type { Change, ChangeListener } from "@/lib/changes/change-feed";
import { WAKE_BATCH, WAKE_PAUSE_MS, watchRunChanges } from "./run-changes";

const listeners = vi.hoisted(() => new Set<ChangeListener>());
vi.mock("@/lib/changes/change-feed", () => ({
  subscribeChanges: (listener: ChangeListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
}));
const announce = (change: Change) => listeners.forEach((listener) => listener(change));

afterEach(() => vi.useRealTimers());

describe("waiters woken by a change", () => {
  it("are woken a batch at once and a herd at a pace, each with the change", async () => {
    vi.useFakeTimers();
    const herd = WAKE_BATCH * 4 + 3;
    const watches = Array.from({ length: herd }, () => watchRunChanges("run-1"));
    const other = watchRunChanges("run-2");
    let woken = 0;
    let otherWoken = false;
    const heard = watches.map(async (watch) => {
      const news = await watch.next();
      woken++;
      return news.change;
    });
    void other.next().then(() => (otherWoken = true));

    announce({ kind: "run-changed", runId: "run-1", version: 7 });
    await vi.advanceTimersByTimeAsync(0);
    expect(woken).toBe(WAKE_BATCH);
    await vi.advanceTimersByTimeAsync(WAKE_PAUSE_MS - 1);
    expect(woken).toBe(WAKE_BATCH);
    await vi.advanceTimersByTimeAsync(1);
    expect(woken).toBe(WAKE_BATCH * 2);
    await vi.advanceTimersByTimeAsync(WAKE_PAUSE_MS * 3);
    expect(woken).toBe(herd);
    expect(await Promise.all(heard)).toEqual(
      Array.from({ length: herd }, () => ({ kind: "run-changed", runId: "run-1", version: 7 })),
    );
    expect(otherWoken).toBe(false);
    for (const watch of [...watches, other]) watch.stop();
  });
});
