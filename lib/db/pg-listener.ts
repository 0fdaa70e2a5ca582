import "server-only";
import type { Client } from "pg";
import { logger } from "@/lib/logger";

/** Wait before reconnecting a lost listening connection. */
const RECONNECT_DELAY_MS = 1_000;

export interface ListenOptions {
  onMessage(payload: string): void;
  /**
   * Called once listening again after a lost connection: notifications sent meanwhile are gone,
   * so whatever they would have invalidated must be dropped.
   */
  onReconnect(): void;
}

/**
 * LISTENs on `channel` over a connection of its own (a pooled one may be handed to someone else),
 * reconnecting whenever it is lost. `channel` is a constant identifier, never user input.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  options: ListenOptions,
): Promise<() => Promise<void>> {
  const { Client: PgClient } = await import("pg");
  let current: Client | undefined;
  let closed = false;

  async function connect(): Promise<void> {
    // Keepalive: a LISTEN connection is idle for long stretches, and a dead peer must still be noticed.
    const client = new PgClient({ connectionString: url, keepAlive: true });
    current = client;
    const lost = (error?: unknown) => {
      if (closed || current !== client) return;
      current = undefined;
      logger.warn("Change notifications lost their connection; reconnecting", { error });
      client.end().catch(() => undefined);
      setTimeout(reconnect, RECONNECT_DELAY_MS).unref();
    };
    client.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) options.onMessage(message.payload);
    });
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`listen ${channel}`);
  }

  async function reconnect(): Promise<void> {
    if (closed) return;
    try {
      await connect();
      options.onReconnect();
    } catch (error) {
      current?.emit("error", error);
    }
  }

  await connect();
  return async () => {
    closed = true;
    await current?.end();
  };
}
