import { describe, expect, it } from "vitest";
import { decodeRefusal, encodeRefusal, refusalOf } from "./request-refusal";

describe("refusalOf", () => {
  it("refuses TRACE and methods no route serves", () => {
    expect(refusalOf("TRACE", "/")).toEqual({ kind: "method", method: "TRACE" });
    expect(refusalOf("PROPFIND", "/api/runs")).toEqual({ kind: "method", method: "PROPFIND" });
  });

  it("refuses a path that is not valid percent-encoding, whatever the query", () => {
    expect(refusalOf("GET", "/api/runs/%E0%A4%A")).toEqual({ kind: "path", path: "/api/runs/%E0%A4%A" });
    expect(refusalOf("POST", "/g/%?x=1")).toEqual({ kind: "path", path: "/g/%" });
    expect(refusalOf("GET", "/runs/%zz")).toEqual({ kind: "path", path: "/runs/%zz" });
  });

  it("lets everything else through, valid encodings and odd queries included", () => {
    expect(refusalOf("GET", "/api/runs/%61bc")).toBeUndefined();
    expect(refusalOf("HEAD", "/")).toBeUndefined();
    expect(refusalOf("DELETE", "/api/runs/abc?q=%zz")).toBeUndefined();
  });
});

describe("the refusal header", () => {
  it("carries a method or any path there and back as plain ASCII", () => {
    for (const refusal of [
      { kind: "method", method: "TRACE" },
      { kind: "path", path: "/g/%" },
      { kind: "path", path: "/runs/%E0%A4%A/ü" },
    ] as const) {
      const header = encodeRefusal(refusal);
      expect(header).toMatch(/^[\x21-\x7e ]+$/);
      expect(decodeRefusal(header)).toEqual(refusal);
    }
  });

  it("is ignored when it is not one", () => {
    expect(decodeRefusal(null)).toBeUndefined();
    expect(decodeRefusal("nonsense")).toBeUndefined();
    expect(decodeRefusal("path %E0%A4")).toBeUndefined();
  });
});
