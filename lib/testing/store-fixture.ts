import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { openTestDatabase } from "./test-database";

/** What a suite that stores and reads images works with; readable once its beforeAll has run. */
export interface StoreFixture {
  readonly db: Database;
  /** A local blob store in a temporary folder: one for the whole file, so tests may spy on it. */
  readonly store: BlobStore;
}

/**
 * Registers the hooks of a suite on one in-memory database and one local blob store in a temporary
 * folder (named after `folderPrefix`), both opened before all tests and removed after all.
 */
export function setUpStoreFixture(folderPrefix: string): StoreFixture {
  let handle: DatabaseHandle | undefined;
  let directory: string | undefined;
  let store: BlobStore | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
    directory = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
    store = createLocalBlobStore(directory);
  });
  afterAll(async () => {
    await handle?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });
  return {
    get db() {
      return ready(handle).db;
    },
    get store() {
      return ready(store);
    },
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the store fixture is set up in beforeAll");
  return value;
}
