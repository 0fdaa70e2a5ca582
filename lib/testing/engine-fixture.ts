import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { DatabaseEngine } from "./database-engines";
import { emptyDatabase } from "./test-database";
import { pngImage } from "./test-images";

/** What a suite that runs jobs works with; readable once its beforeAll has run. */
export interface EngineFixture {
  readonly handle: DatabaseHandle;
  /** A temporary folder for a local blob store. */
  readonly blobDirectory: string;
  /** A 32 × 32 PNG, for fake downloads. */
  readonly image: Buffer;
}

/**
 * Registers the hooks of a suite on one engine: its database, a temporary blob folder and a test PNG
 * before all tests, an empty database before each, and everything removed after all.
 */
export function setUpEngineFixture(engine: DatabaseEngine, folderPrefix: string): EngineFixture {
  let opened: { handle: DatabaseHandle; dispose(): Promise<void> } | undefined;
  let blobDirectory: string | undefined;
  let image: Buffer | undefined;
  beforeAll(async () => {
    opened = await engine.open();
    blobDirectory = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
    image = await pngImage(32, 32, 4);
  });
  afterAll(async () => {
    await opened?.dispose();
    if (blobDirectory) await rm(blobDirectory, { recursive: true, force: true });
  });
  beforeEach(() => emptyDatabase(ready(opened).handle));
  return {
    get handle() {
      return ready(opened).handle;
    },
    get blobDirectory() {
      return ready(blobDirectory);
    },
    get image() {
      return ready(image);
    },
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the engine fixture is set up in beforeAll");
  return value;
}
