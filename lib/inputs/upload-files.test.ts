import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepInterruptedUploads } from "./upload-files";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "prism-upload-sweep-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A pid that was in use a moment ago and is free now: a process that exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.on("exit", () => resolve(child.pid!));
  });
}

async function upload(folder: string, name: string, modified: Date) {
  await mkdir(path.join(root, folder), { recursive: true });
  const file = path.join(root, folder, name);
  await writeFile(file, "partial");
  await utimes(file, modified, modified);
}

describe("sweepInterruptedUploads", () => {
  it("removes a dead process's uploads and this process's older ones, never a live instance's", async () => {
    const startedAt = new Date();
    const before = new Date(startedAt.getTime() - 60_000);
    const dead = String(await deadPid());
    const live = String(process.ppid);
    const own = String(process.pid);
    await upload(dead, "a.upload", startedAt);
    await upload(live, "b.upload", before);
    await upload(own, "old.upload", before);
    await upload(own, "new.upload", new Date(startedAt.getTime() + 1_000));

    expect(await sweepInterruptedUploads(startedAt, root)).toBe(2);
    expect((await readdir(root)).sort()).toEqual([live, own].sort());
    expect(await readdir(path.join(root, own))).toEqual(["new.upload"]);
    expect(await readdir(path.join(root, live))).toEqual(["b.upload"]);
  });

  it("does nothing when no upload ever waited", async () => {
    expect(await sweepInterruptedUploads(new Date(), path.join(root, "missing"))).toBe(0);
  });
});
