import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "./query-keys";

describe("query keys", () => {
  it("reach every entry under a prefix, and none of another", async () => {
    const queryClient = new QueryClient();
    const entries = [
      queryKeys.run("a"),
      queryKeys.run("b"),
      queryKeys.historyPage({ search: "cat" }),
      queryKeys.compare(["x", "y"]),
      queryKeys.code("/api/runs/a/code"),
      queryKeys.spend,
    ];
    for (const key of entries) queryClient.setQueryData(key, {});
    const under = (prefix: readonly unknown[]) =>
      queryClient.getQueriesData({ queryKey: prefix }).map(([key]) => key);

    expect(under(queryKeys.runs)).toEqual([queryKeys.run("a"), queryKeys.run("b")]);
    expect(under(queryKeys.history)).toEqual([queryKeys.historyPage({ search: "cat" })]);
    expect(under(queryKeys.compares)).toEqual([queryKeys.compare(["x", "y"])]);
    expect(under(queryKeys.spend)).toEqual([queryKeys.spend]);
  });
});
