import "server-only";
import { processSlot } from "@/lib/process-state";

/**
 * A count of the statements that may have changed a database only this process can reach (embedded
 * PGlite, DatabaseHandle.exclusive): it moves when such a statement starts and again when it ends,
 * so a value read while it stayed put was still the database's value when the read ended, and
 * stays so until it moves again. PostgreSQL has none: other instances change it unseen.
 */
export class WriteEpoch {
  #epoch = 0;
  #inFlight = 0;

  /** The current count, or undefined while a write is under way (nothing read now may be kept). */
  stable(): number | undefined {
    return this.#inFlight === 0 ? this.#epoch : undefined;
  }

  async around<T>(write: () => Promise<T>): Promise<T> {
    this.#epoch++;
    this.#inFlight++;
    try {
      return await write();
    } finally {
      this.#inFlight--;
      this.#epoch++;
    }
  }
}

// A SELECT changes no table unless it calls a function that writes, and the schema defines none.
const READ_ONLY = /^\s*select\b/i;

/** Whether a statement may change what is stored (anything but a plain SELECT). */
export function mayWrite(statement: string): boolean {
  return !READ_ONLY.test(statement);
}

/** Process-wide: the database is opened by whichever bundle boots first (instrumentation or a route). */
const epochs = processSlot<WeakMap<object, WriteEpoch>>("writeEpochs").getOrCreate(() => new WeakMap());

/** The epoch of an exclusive database's drizzle instance; undefined for one others can change. */
export function writeEpochOf(db: object): WriteEpoch | undefined {
  return epochs.get(db);
}

export function setWriteEpoch(db: object, epoch: WriteEpoch): void {
  epochs.set(db, epoch);
}
