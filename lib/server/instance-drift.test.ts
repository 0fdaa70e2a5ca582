import { describe, expect, it } from "vitest";
import { fingerprintDifferences } from "./instance-drift";

const fingerprint = {
  providers: { shortapi: "https://api.shortapi.ai", dashscope: "https://dashscope.aliyuncs.com/api/v1" },
  storage: "s3:aws/prism",
  schema: 12,
};

describe("fingerprint differences", () => {
  it("names each provider, storage and schema difference with the other instance", () => {
    const other = {
      id: "host-b:41:ab12",
      fingerprint: {
        providers: { shortapi: "https://api.shortapi.ai", dashscope: null },
        storage: "local disk",
        schema: 13,
      },
    };
    expect(fingerprintDifferences(fingerprint, [other])).toEqual([
      "dashscope: https://dashscope.aliyuncs.com/api/v1 here, no key on host-b:41:ab12",
      "storage: s3:aws/prism here, local disk on host-b:41:ab12",
      "schema (migrations known): 12 here, 13 on host-b:41:ab12",
    ]);
  });

  it("says nothing when every instance agrees", () => {
    expect(
      fingerprintDifferences(fingerprint, [{ id: "b", fingerprint: structuredClone(fingerprint) }]),
    ).toEqual([]);
  });
});
