import { describe, expect, it } from "vitest";
import { PROVIDER_IDS } from "@/lib/models/types";
import { claimOrder, freeSlotsOf, providerSlots } from "./bulkheads";

// Written for any number of providers, so adding one changes nothing here.
const PROVIDER_COUNT = PROVIDER_IDS.length;
const each = (slots: number) => Object.fromEntries(PROVIDER_IDS.map((providerId) => [providerId, slots]));

describe("bulkheads", () => {
  it("gives each provider an equal share of the total unless it has its own setting", () => {
    expect(providerSlots(16 * PROVIDER_COUNT)).toEqual(each(16));
    expect(providerSlots(16 * PROVIDER_COUNT + 1)).toEqual(each(16));
    expect(providerSlots(2)).toEqual(each(1));
    expect(providerSlots(16 * PROVIDER_COUNT, { pixazo: 4 })).toEqual({ ...each(16), pixazo: 4 });
    expect(providerSlots(48, 2)).toEqual(each(2));
  });

  it("lets a provider whose slots are full claim nothing, while the others keep theirs", () => {
    const limits = { total: 6, slots: providerSlots(2 * PROVIDER_COUNT, 2) };
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
    expect(claimOrder(0)).toEqual(PROVIDER_IDS);
    expect(claimOrder(1)).toEqual([...PROVIDER_IDS.slice(1), PROVIDER_IDS[0]]);
    expect(claimOrder(PROVIDER_COUNT + 2)).toEqual([...PROVIDER_IDS.slice(2), ...PROVIDER_IDS.slice(0, 2)]);
  });
});
