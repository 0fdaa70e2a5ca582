import { describe, expect, it } from "vitest";
import { dashscopeZImageTurbo } from "./dashscope";

const sizeIssue = (size: string) => {
  const result = dashscopeZImageTurbo.params.safeParse({ size });
  return result.success ? undefined : result.error.issues[0];
};

describe("DashScope size", () => {
  it.each(["1024*1024", "1280*720", "2048*2048", "512*512"])("accepts %s", (size) =>
    expect(sizeIssue(size)).toBeUndefined(),
  );

  it.each(["01024*1024", "1024*01024", "0*1024", "1024x1024", " 1024*1024", "1024*1024\u0000", "999999*1"])(
    "refuses %j naming the size field",
    (size) => expect(sizeIssue(size)).toMatchObject({ path: ["size"] }),
  );

  it("refuses sizes out of DashScope's range", () => {
    expect(sizeIssue("4096*512")?.message).toMatch(/at most 2048/);
    expect(sizeIssue("256*256")?.message).toMatch(/between/);
  });
});
