/**
 * Expiry dates as the owner picks them: a day, in their time zone. A link "expires on" a day works
 * through the whole of it, so the instant sent is the end of that local day.
 */

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-12-24" → the ISO instant at the end of that local day; null for no date. */
export function expiryFromDate(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, day, 23, 59, 59, 999).toISOString();
}

/** The local day an expiry falls on, as a date input's value ("" for none). */
export function dateFromExpiry(expiresAt: string | null): string {
  if (!expiresAt) return "";
  const date = new Date(expiresAt);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today as a date input's value: the earliest day a link can be set to expire on. */
export function today(now = new Date()): string {
  return dateFromExpiry(now.toISOString());
}
