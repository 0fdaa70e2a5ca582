/**
 * One Idempotency-Key per Generate: every resend of the same request (an automatic retry after a
 * dropped connection, or pressing Generate again on the same settings after a failure) carries the
 * key of the first attempt, so the server answers with the run that attempt may already have
 * created instead of starting a second paid one. A success, or different settings, starts a new key.
 */
export interface IdempotencyKeys {
  keyFor(body: unknown): string;
  /** The request went through: the next Generate is a new run even with the same settings. */
  settled(): void;
}

/** 128 random bits; crypto.randomUUID needs a secure context, which a LAN http address is not. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function createIdempotencyKeys(newKey: () => string = randomKey): IdempotencyKeys {
  let current: { body: string; key: string } | null = null;
  return {
    keyFor(body) {
      const serialized = JSON.stringify(body);
      if (current?.body !== serialized) current = { body: serialized, key: newKey() };
      return current.key;
    },
    settled() {
      current = null;
    },
  };
}
