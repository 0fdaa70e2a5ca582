import { describe, expect, it } from "vitest";
import { followChange, forgetRun, getFinishedRun, rememberFinishedRun } from "./finished-run-cache";

const response = { etag: 'W/"tag"', body: '{"id":"run-b"}' };

describe("finished run cache", () => {
  it("serves a remembered run until it is forgotten", () => {
    rememberFinishedRun("run-b", response);
    expect(getFinishedRun("run-b")).toEqual(response);
    forgetRun("run-b");
    expect(getFinishedRun("run-b")).toBeUndefined();
  });

  it("follows changes made by any instance", () => {
    rememberFinishedRun("run-c", response);
    rememberFinishedRun("run-d", response);
    followChange({ kind: "gallery-revoked", slug: "s" });
    expect(getFinishedRun("run-c")).toEqual(response);
    followChange({ kind: "run-deleted", runId: "run-c" });
    expect(getFinishedRun("run-c")).toBeUndefined();
    followChange({ kind: "resync" });
    expect(getFinishedRun("run-d")).toBeUndefined();
  });
});
