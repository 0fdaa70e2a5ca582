import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = path.join(import.meta.dirname, "check-import-cycles.mjs");
const trees: string[] = [];

/** A scratch tree of the given files; returns what the check printed and its exit code. */
function check(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), "import-cycles-"));
  trees.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const result = spawnSync(process.execPath, [SCRIPT, "--root", root], { encoding: "utf8" });
  return { status: result.status, output: result.stderr };
}

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("check-import-cycles", () => {
  it("passes a tree whose folders import one way", () => {
    const result = check({
      "lib/jobs/create.ts": 'import { row } from "@/lib/db/rows";\nexport const create = row;\n',
      "lib/db/rows.ts": 'import { level } from "../env";\nexport const row = level;\n',
      "lib/env.ts": "export const level = 1;\n",
      "app/page.tsx": 'import { create } from "@/lib/jobs/create";\nexport default create;\n',
    });
    expect(result).toEqual({ status: 0, output: "" });
  });

  it("fails on a loop between folders although no two files import each other, and prints it", () => {
    const result = check({
      "lib/jobs/create.ts": 'import { read } from "@/lib/runs/read";\nexport const create = read;\n',
      "lib/runs/read.ts": 'import { view } from "../views/view";\nexport const read = view;\n',
      "lib/views/view.ts": "export const view = 1;\n",
      "lib/views/loader.ts": 'import type { Job } from "@/lib/jobs/types";\nexport type Loaded = Job;\n',
      "lib/jobs/types.ts": "export type Job = { id: string };\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("Folder-level import cycle: lib/jobs → lib/runs → lib/views → lib/jobs");
    expect(result.output).toContain("lib/views/loader.ts imports lib/jobs/types.ts");
    expect(result.output).not.toContain("Import cycle (type-only imports count)");
  });

  it("counts a file directly in lib/ as a folder of its own", () => {
    const result = check({
      "lib/env.ts": 'import { S3 } from "./storage/s3";\nexport const store = S3;\n',
      "lib/storage/s3.ts": "export const S3 = 1;\n",
      "lib/storage/configured.ts": 'import { store } from "@/lib/env";\nexport const configured = store;\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("Folder-level import cycle: lib/env.ts → lib/storage → lib/env.ts");
  });

  it("counts component folders, not the files at the top of components/ or app/", () => {
    const loop = check({
      "components/gallery/grid.tsx": 'import { Share } from "../share/button";\nexport const Grid = Share;\n',
      "components/share/button.tsx": "export const Share = 1;\n",
      "components/share/page.tsx":
        'import { Card } from "@/components/gallery/card";\nexport const Page = Card;\n',
      "components/gallery/card.tsx": "export const Card = 1;\n",
    });
    expect(loop.status).toBe(1);
    expect(loop.output).toContain("components/gallery → components/share → components/gallery");

    const pages = check({
      "app/page.tsx": 'import { Grid } from "@/components/gallery/grid";\nexport default Grid;\n',
      "components/gallery/grid.tsx": 'import { title } from "@/app/title";\nexport const Grid = title;\n',
      "app/title.ts": "export const title = 1;\n",
    });
    expect(pages).toEqual({ status: 0, output: "" });
  });

  it("still fails on a file-level cycle, type-only imports included", () => {
    const result = check({
      "lib/api/a.ts": 'import type { B } from "./b";\nexport type A = B;\n',
      "lib/api/b.ts": 'import type { A } from "./a";\nexport type B = A | 1;\n',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "Import cycle (type-only imports count):\n  lib/api/a.ts\n  lib/api/b.ts",
    );
  });
});
