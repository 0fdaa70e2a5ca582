import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..");

/** `lib/x` → `x`, `lib/env.ts` → `env.ts`; names in the allow-list column have no `.ts`. */
const part = (cell: string) => cell.replace(/^lib\//, "");
const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** What the README's layer table says each part of lib/ may import, with its phrases spelled out. */
function readmeLayers(allParts: string[]): Record<string, string[]> {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const foundation = names(/"The foundation" below is ([^.]+)\./.exec(readme)![1]!);
  const layers: Record<string, string[]> = {};
  for (const line of readme.split("\n")) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    if (cells.length < 5 || !cells[1]!.startsWith("`lib/")) continue;
    const allowed = cells[3]!;
    let list: string[];
    if (allowed === "nothing") list = [];
    else if (allowed.startsWith("every part below except")) {
      list = allParts.filter((name) => !["server", "testing", ...names(allowed)].includes(name));
    } else if (allowed.startsWith("every part except")) {
      list = allParts.filter((name) => !["testing", ...names(allowed)].includes(name));
    } else {
      list = [...(allowed.startsWith("the foundation") ? foundation : []), ...names(allowed)];
    }
    const normalised = list.map((name) => (allParts.includes(`${name}.ts`) ? `${name}.ts` : name));
    for (const folder of names(cells[1]!).filter((name) => name.startsWith("lib/"))) {
      layers[part(folder)] = normalised.map((name) => name.replace(/^(.*\/[^.]+)$/, "$1.ts")).sort();
    }
  }
  return layers;
}

it("the README's layer table lists exactly the allow-lists the lint enforces", async () => {
  const configPath = path.join(ROOT, "eslint.config.mjs");
  const { LIB_LAYERS } = (await import(configPath)) as { LIB_LAYERS: Record<string, string[]> };
  const enforced = Object.fromEntries(
    Object.entries(LIB_LAYERS).map(([name, allowed]) => [name, [...allowed].sort()]),
  );
  expect(readmeLayers(Object.keys(LIB_LAYERS))).toEqual(enforced);
});
