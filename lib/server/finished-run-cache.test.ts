import { describe, expect, it } from "vitest";
import type { RunView } from "@/lib/api/views";
import { forgetRun, getFinishedRun, rememberFinishedRun, toRunResponseBody } from "./finished-run-cache";

const view = (id: string, prompt = "a cat"): RunView => ({
  id,
  prompt,
  createdAt: "2026-11-22T00:00:00.000Z",
  jobs: [],
});

describe("finished run cache", () => {
  it("tags the exact body, so different content never shares an ETag", () => {
    const first = toRunResponseBody(view("run-a"));
    expect(JSON.parse(first.body)).toEqual(view("run-a"));
    expect(toRunResponseBody(view("run-a")).etag).toBe(first.etag);
    expect(toRunResponseBody(view("run-a", "a dog")).etag).not.toBe(first.etag);
  });

  it("serves a remembered run until it is forgotten or too old", () => {
    const response = toRunResponseBody(view("run-b"));
    rememberFinishedRun("run-b", response, 1_000);
    expect(getFinishedRun("run-b", 2_000)).toMatchObject(response);
    forgetRun("run-b");
    expect(getFinishedRun("run-b", 2_000)).toBeUndefined();
    rememberFinishedRun("run-b", response, 1_000);
    expect(getFinishedRun("run-b", 1_000 + 6 * 60_000)).toBeUndefined();
  });
});
