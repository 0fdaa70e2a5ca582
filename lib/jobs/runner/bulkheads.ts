import { PROVIDER_IDS, type ProviderId } from "@/lib/models/types";

/**
 * Bulkheads: each provider has slots of its own, so a provider that hangs holds at most its own
 * share of the runner's steps in flight and the others keep theirs.
 */
export type ProviderSlots = Record<ProviderId, number>;

/**
 * Each provider's slots: its own setting, else an equal share of the total (at least one). With
 * the shares summing to no more than the total, no provider can ever take another one's slots.
 */
export function providerSlots(
  total: number,
  perProvider: number | Partial<Record<ProviderId, number>> = {},
): ProviderSlots {
  const share = Math.max(1, Math.floor(total / PROVIDER_IDS.length));
  const own = (providerId: ProviderId) =>
    typeof perProvider === "number" ? perProvider : (perProvider[providerId] ?? share);
  return Object.fromEntries(PROVIDER_IDS.map((providerId) => [providerId, own(providerId)])) as ProviderSlots;
}

/** Steps in flight, per provider. */
export type InFlightCounts = Partial<Record<ProviderId, number>>;

/** How many more jobs of `providerId` may be claimed now: within its own slots and the total. */
export function freeSlotsOf(
  providerId: ProviderId,
  limits: { total: number; slots: ProviderSlots },
  inFlight: InFlightCounts,
): number {
  const busy = Object.values(inFlight).reduce((sum, count) => sum + (count ?? 0), 0);
  return Math.max(0, Math.min(limits.total - busy, limits.slots[providerId] - (inFlight[providerId] ?? 0)));
}

/** The providers in the order to claim for, starting at a rotating one so none is always served last. */
export function claimOrder(round: number): ProviderId[] {
  return PROVIDER_IDS.map((_, index) => PROVIDER_IDS[(index + round) % PROVIDER_IDS.length]!);
}
