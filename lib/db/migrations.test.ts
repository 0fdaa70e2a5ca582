import { readdirSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Expand, then contract (drizzle/README.md): the previous build's writes, kept next to each migration
// as drizzle/fixtures/<tag>.sql, must still succeed once that migration is applied, because during a
// rolling deploy the previous build writes to the new schema.

const MIGRATIONS = path.join(process.cwd(), "drizzle");
// Read when the file loads, so each fixture is a test of its own (with its own timeout: each one
// starts a PGlite and migrates it twice).
const fixtures = readdirSync(path.join(MIGRATIONS, "fixtures")).filter((name) => name.endsWith(".sql"));
type Journal = { entries: { idx: number; tag: string }[] };

/** A copy of drizzle/ whose journal stops after the first `count` migrations. */
async function migrationsUpTo(directory: string, journal: Journal, count: number): Promise<string> {
  const folder = await mkdtemp(path.join(directory, `upto-${count}-`));
  await cp(MIGRATIONS, folder, { recursive: true });
  await writeFile(
    path.join(folder, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
  );
  return folder;
}

/** Runs `statements` in a transaction that is rolled back, so the same fixture can run again. */
async function replay(client: PGlite, statements: string): Promise<void> {
  await client.exec("begin");
  try {
    await client.exec(statements);
  } finally {
    await client.exec("rollback");
  }
}

describe("the previous build's inserts on the new schema", () => {
  let directory: string;
  let journal: Journal;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "prism-migrations-"));
    journal = JSON.parse(await readFile(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as Journal;
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it("has a fixture for the newest migration, named after a migration", () => {
    const tags = journal.entries.map((entry) => entry.tag);
    for (const fixture of fixtures) expect(tags).toContain(fixture.replace(/\.sql$/, ""));
    expect(fixtures, "a new migration needs drizzle/fixtures/<its tag>.sql (drizzle/README.md)").toContain(
      `${tags.at(-1)}.sql`,
    );
  });

  it.each(fixtures)(
    "replays %s before and after its migration",
    async (fixture) => {
      const tag = fixture.replace(/\.sql$/, "");
      const index = journal.entries.findIndex((entry) => entry.tag === tag);
      const statements = await readFile(path.join(MIGRATIONS, "fixtures", fixture), "utf8");
      const client = new PGlite("memory://");
      try {
        const db = drizzle({ client });
        await migrate(db, { migrationsFolder: await migrationsUpTo(directory, journal, index) });
        await replay(client, statements);
        await migrate(db, { migrationsFolder: await migrationsUpTo(directory, journal, index + 1) });
        await expect(replay(client, statements), `${fixture} after its migration`).resolves.toBeUndefined();
      } finally {
        await client.close();
      }
      // Two migrations of a fresh PGlite per fixture: the time grows with every migration kept.
    },
    180_000,
  );
});
