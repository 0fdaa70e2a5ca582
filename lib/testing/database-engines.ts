import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { createScratchDatabase } from "./scratch-postgres";
import { openTestDatabase } from "./test-database";

/** A database a suite runs against, opened fresh and disposed of by the suite. */
export interface DatabaseEngine {
  name: string;
  open(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }>;
}

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** In-memory PGlite, for a suite that runs on it only. */
export const PGLITE_ENGINE: DatabaseEngine = {
  name: "PGlite",
  async open() {
    const handle = await openTestDatabase();
    return { handle, dispose: () => handle.close() };
  },
};

/** In-memory PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (a scratch database). */
export const DATABASE_ENGINES: DatabaseEngine[] = [
  PGLITE_ENGINE,
  ...(serverUrl
    ? [
        {
          name: "PostgreSQL",
          async open() {
            const scratch = await createScratchDatabase(serverUrl);
            const handle = await openDatabase({ engine: "postgres", url: scratch.url });
            return {
              handle,
              dispose: async () => {
                await handle.close();
                await scratch.drop();
              },
            };
          },
        },
      ]
    : []),
];
