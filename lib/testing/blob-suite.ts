import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/lib/db/client";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import type { DatabaseEngine } from "./database-engines";
import { emptyDatabase } from "./test-database";

export interface BlobSuite {
  db: Database;
  /** The bytes alone, in a fresh directory for each test (no ledger). */
  bytes: BlobStore;
  directory: string;
}

/** For a describe block: one database of `engine` for the suite, emptied before each test, and a fresh byte store. */
export function useBlobSuite(engine: DatabaseEngine): BlobSuite {
  const suite = { directory: "" } as BlobSuite;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await engine.open();
    suite.db = opened.handle.db;
    dispose = opened.dispose;
  });
  afterAll(async () => {
    await dispose();
    rmSync(suite.directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await emptyDatabase({ db: suite.db } as Parameters<typeof emptyDatabase>[0]);
    if (suite.directory) rmSync(suite.directory, { recursive: true, force: true });
    suite.directory = mkdtempSync(path.join(os.tmpdir(), "prism-blobs-"));
    suite.bytes = createLocalBlobStore(suite.directory);
  });
  return suite;
}
