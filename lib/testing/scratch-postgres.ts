import { randomBytes } from "node:crypto";
import { Client } from "pg";

export interface ScratchDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database next to the one `serverUrl` names. Test files sharing one PostgreSQL
 * server (and runs that overlap, e.g. a local run during CI) then never see each other's rows.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = "prism_test",
): Promise<ScratchDatabase> {
  // Lowercase hex only, so the name needs no quoting rules beyond the identifier quotes below.
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}
