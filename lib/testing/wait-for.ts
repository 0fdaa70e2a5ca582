import { setTimeout as sleep } from "node:timers/promises";

/** Polls until `read` returns a value for which `done` holds; never asserts on time itself. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 400,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await sleep(10);
  }
  throw new Error("condition never became true");
}
