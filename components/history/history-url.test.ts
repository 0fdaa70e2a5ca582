import { describe, expect, it } from "vitest";
import { filtersFromQuery, queryFromFilters } from "./history-url";

describe("history filters in the URL", () => {
  it("round-trips search, model, status and starred", () => {
    const filters = {
      search: "fox logo",
      modelId: "pixazo/z-image-turbo",
      status: "failed" as const,
      starred: true,
    };
    const query = queryFromFilters(filters);
    expect(query).toBe("?q=fox+logo&model=pixazo%2Fz-image-turbo&status=failed&starred=true");
    expect(filtersFromQuery(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
  });

  it("drops empty filters and ignores an unknown status", () => {
    expect(queryFromFilters({ search: "  ", modelId: "", status: "", starred: false })).toBe("");
    expect(filtersFromQuery({ status: "exploded", q: ["a", "b"], starred: "yes" })).toEqual({
      search: "a",
      modelId: "",
      status: "",
      starred: false,
    });
  });
});
