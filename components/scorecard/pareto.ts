/** A point of the cost vs win rate chart. */
export interface TradeOff {
  id: string;
  cost: number;
  winRate: number;
}

/**
 * The points no other point beats on both counts (as cheap or cheaper and winning as often or more,
 * better on one): the models worth choosing between. Sorted by cost.
 */
export function paretoFront<Point extends TradeOff>(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.winRate - a.winRate);
  const front: Point[] = [];
  for (const point of sorted) {
    const best = front.at(-1);
    if (!best || point.winRate > best.winRate) front.push(point);
  }
  return front;
}
