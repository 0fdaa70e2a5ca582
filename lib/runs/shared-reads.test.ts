import { describe, expect, it } from "vitest";
import { readMoment, sharedRead } from "./shared-reads";

/**
 * A stand-in for the database: each read takes the value as it is when the read begins and
 * answers when the test lets it, so the test sees which reads are in flight at once.
 */
function fakeStore(key: string) {
  let value = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const pending: { finish: () => void; fail: () => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      const seen = value;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const settle = (answer: () => void) => {
        inFlight--;
        answer();
      };
      pending.push({
        finish: () => settle(() => resolve(seen)),
        fail: () => settle(() => reject(new Error("down"))),
      });
    });
  return {
    set: (next: number) => (value = next),
    /** A request arriving now. */
    ask: () => sharedRead(key, readMoment(), read),
    /** Ends the oldest read still in flight, then lets the queued one begin. */
    finish: async () => {
      pending.shift()!.finish();
      await flush();
    },
    fail: async () => {
      pending.shift()!.fail();
      await flush();
    },
    begun: () => pending.length,
    mostInFlight: () => mostInFlight,
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("sharedRead", () => {
  it("lets one read per key run at a time: arrivals during it share the one read queued behind it", async () => {
    const store = fakeStore("burst");
    const first = store.ask();
    const burst = Array.from({ length: 50 }, () => store.ask());
    expect(store.begun()).toBe(1);
    await store.finish();
    // The queued read began only once the first ended, and all 50 arrivals share it.
    expect(store.begun()).toBe(1);
    await store.finish();
    await expect(first).resolves.toBe(0);
    await expect(Promise.all(burst)).resolves.toEqual(Array(50).fill(0));
    expect(store.mostInFlight()).toBe(1);
  });

  it("never answers a request with a read that began before it arrived", async () => {
    const store = fakeStore("fresh");
    const early = store.ask();
    // A change commits while the first read is in flight; every later arrival must see it.
    store.set(1);
    const afterFirstChange = store.ask();
    await store.finish();
    const duringQueued = store.ask();
    store.set(2);
    const afterSecondChange = store.ask();
    await store.finish();
    await store.finish();
    expect(store.mostInFlight()).toBe(1);
    await expect(early).resolves.toBe(0);
    await expect(afterFirstChange).resolves.toBe(1);
    // Came while the queued read was in flight: it waits for the next one rather than join it.
    await expect(duringQueued).resolves.toBe(2);
    await expect(afterSecondChange).resolves.toBe(2);
  });

  it("joins a read that began after the request's moment, in flight or ended", async () => {
    const store = fakeStore("join");
    const since = readMoment();
    const first = store.ask();
    const late = sharedRead("join", since, () => Promise.reject(new Error("not read again")));
    await store.finish();
    await expect(Promise.all([first, late])).resolves.toEqual([0, 0]);
    await expect(sharedRead("join", since, () => Promise.resolve(9))).resolves.toBe(0);
    // A request arriving after the read ended reads again.
    store.set(3);
    const next = store.ask();
    await store.finish();
    await expect(next).resolves.toBe(3);
  });

  it("begins the queued read even when the one in flight fails, and shares no failure later", async () => {
    const store = fakeStore("failing");
    const failed = store.ask();
    const queued = store.ask();
    store.set(4);
    await store.fail();
    await expect(failed).rejects.toThrow("down");
    expect(store.begun()).toBe(1);
    await store.finish();
    await expect(queued).resolves.toBe(4);
    const failedAgain = store.ask();
    await store.fail();
    await expect(failedAgain).rejects.toThrow("down");
    const after = sharedRead("failing", 0, () => Promise.resolve(5));
    await expect(after).resolves.toBe(5);
  });
});
