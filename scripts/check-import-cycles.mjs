import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * `npm run lint:cycles`: no import cycle in app/, components/ or lib/, not even a type-only one
 * (ESLint's import/no-cycle, in `npm run lint`, skips `import type`), and none between folders:
 * each folder under lib/ and components/ (and each file directly in lib/) is one node, and a loop
 * of imports among them fails even when no two files import each other. A type both sides need
 * belongs in a third, lower module. Prints each cycle and exits 1. `--root DIR` checks another tree.
 */

const rootFlag = process.argv.indexOf("--root");
const ROOT = path.resolve(
  rootFlag === -1 ? path.join(import.meta.dirname, "..") : process.argv[rootFlag + 1],
);
const FOLDERS = ["app", "components", "lib"];
const LAYERED = ["components", "lib"];
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The project file an import names, or null for a package. */
function resolve(specifier, fromFile) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((extension) => base + extension)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles.map(({ fileName }) => resolve(fileName, file)).filter(Boolean);
}

/** Tarjan's strongly connected components: each one with two or more nodes (or a self-loop) is a cycle. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  function visit(node) {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** `lib/jobs/runner/engine.ts` → `lib/jobs`; `lib/env.ts` → `lib/env.ts`; outside lib/ and components/ → null. */
function folderOf(file) {
  const [top, second, ...rest] = path.relative(ROOT, file).split(path.sep);
  if (!LAYERED.includes(top) || second === undefined) return null;
  if (rest.length === 0 && top !== "lib") return null;
  return `${top}/${second}`;
}

/** The shortest loop from `start` back to itself inside one component, as a list of folders. */
function loopThrough(start, graph, members) {
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const loop = [node];
        while (loop[0] !== start) loop.unshift(previous.get(loop[0]));
        return [...loop, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
const graph = new Map(files.map((file) => [file, importsOf(file)]));

const folderGraph = new Map();
/** One import behind each folder-to-folder arrow, to point at the line to change. */
const witness = new Map();
for (const [file, imported] of graph) {
  const from = folderOf(file);
  if (from === null) continue;
  if (!folderGraph.has(from)) folderGraph.set(from, new Set());
  for (const target of imported) {
    const to = folderOf(target);
    if (to === null || to === from) continue;
    folderGraph.get(from).add(to);
    if (!folderGraph.has(to)) folderGraph.set(to, new Set());
    const key = `${from} → ${to}`;
    if (!witness.has(key))
      witness.set(key, `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`);
  }
}
const folderAdjacency = new Map([...folderGraph].map(([folder, targets]) => [folder, [...targets].sort()]));

const fileCycles = cycles(graph);
for (const component of fileCycles) {
  console.error("Import cycle (type-only imports count):");
  for (const file of component) console.error(`  ${path.relative(ROOT, file)}`);
}
const folderCycles = cycles(folderAdjacency);
for (const component of folderCycles) {
  const loop = loopThrough(component[0], folderAdjacency, new Set(component));
  console.error(`Folder-level import cycle: ${loop.join(" → ")}`);
  for (let step = 0; step + 1 < loop.length; step++) {
    console.error(`  ${witness.get(`${loop[step]} → ${loop[step + 1]}`)}`);
  }
  if (component.length > loop.length - 1) console.error(`  (one loop among: ${component.join(", ")})`);
}
if (fileCycles.length > 0 || folderCycles.length > 0) process.exit(1);
