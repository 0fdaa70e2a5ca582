import { describe, expect, it } from "vitest";
import { claimOrder, freeSlotsOf, providerSlots } from "./bulkheads";

describe("bulkheads", () => {
  it("gives each provider an equal share of the total unless it has its own setting", () => {
    expect(providerSlots(48)).toEqual({ shortapi: 16, pixazo: 16, dashscope: 16 });
    expect(providerSlots(2)).toEqual({ shortapi: 1, pixazo: 1, dashscope: 1 });
    expect(providerSlots(48, { pixazo: 4 })).toEqual({ shortapi: 16, pixazo: 4, dashscope: 16 });
    expect(providerSlots(48, 2)).toEqual({ shortapi: 2, pixazo: 2, dashscope: 2 });
  });

  it("lets a provider whose slots are full claim nothing, while the others keep theirs", () => {
    const limits = { total: 6, slots: providerSlots(6) };
    const inFlight = { pixazo: 2 };
    expect(freeSlotsOf("pixazo", limits, inFlight)).toBe(0);
    expect(freeSlotsOf("shortapi", limits, inFlight)).toBe(2);
    expect(freeSlotsOf("dashscope", limits, { pixazo: 2, shortapi: 1 })).toBe(2);
  });

  it("never exceeds the total when the providers' own slots add up to more", () => {
    const limits = { total: 4, slots: providerSlots(4, 3) };
    expect(freeSlotsOf("shortapi", limits, { pixazo: 3 })).toBe(1);
    expect(freeSlotsOf("shortapi", limits, { pixazo: 3, dashscope: 1 })).toBe(0);
  });

  it("rotates which provider is served first", () => {
    expect(claimOrder(0)).toEqual(["shortapi", "pixazo", "dashscope"]);
    expect(claimOrder(1)).toEqual(["pixazo", "dashscope", "shortapi"]);
    expect(claimOrder(5)).toEqual(["dashscope", "shortapi", "pixazo"]);
  });
});
