import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dateFromExpiry, expiryFromDate, today } from "./expiry";

describe("expiry dates", () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = "America/New_York";
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("expires at the end of the picked local day", () => {
    expect(expiryFromDate("2026-12-24")).toBe("2026-12-25T04:59:59.999Z");
    expect(dateFromExpiry("2026-12-25T04:59:59.999Z")).toBe("2026-12-24");
  });

  it("has no expiry without a valid date", () => {
    expect(expiryFromDate("")).toBeNull();
    expect(expiryFromDate("24/12/2026")).toBeNull();
    expect(dateFromExpiry(null)).toBe("");
  });

  it("names today in the local zone", () => {
    expect(today(new Date("2026-12-25T03:00:00Z"))).toBe("2026-12-24");
  });
});
