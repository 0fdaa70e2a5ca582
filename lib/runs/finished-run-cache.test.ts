import { describe, expect, it } from "vitest";
import { forgetRun, getFinishedRun, rememberFinishedRun } from "./finished-run-cache";

describe("finished run cache", () => {
  it("serves a remembered run until it is forgotten or too old", () => {
    const response = { etag: 'W/"tag"', body: '{"id":"run-b"}' };
    rememberFinishedRun("run-b", response, 1_000);
    expect(getFinishedRun("run-b", 2_000)).toMatchObject(response);
    forgetRun("run-b");
    expect(getFinishedRun("run-b", 2_000)).toBeUndefined();
    rememberFinishedRun("run-b", response, 1_000);
    expect(getFinishedRun("run-b", 1_000 + 6 * 60_000)).toBeUndefined();
  });
});
