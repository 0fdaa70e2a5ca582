/** Isomorphic: US dollars as Prism shows them everywhere, three decimals below a dollar ($0.004). */
export function formatUsd(value: number): string {
  return `$${value.toFixed(value > 0 && value < 1 ? 3 : 2)}`;
}
