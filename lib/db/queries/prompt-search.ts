import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** A LIKE pattern's own characters, escaped, so a search for "50%" means the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Each word of a search must appear, in any order: "fox logo" finds "fox head logo". History,
 * picks and the scorecard search prompts alike.
 */
export function promptWords(q: string | undefined): string[] {
  return [...new Set((q ?? "").trim().split(/\s+/).filter(Boolean))];
}

/** One condition per word of `q`: the text `column` evaluates to contains it, case-insensitively. */
export function matchesEveryWord(column: SQLWrapper, q: string | undefined): SQL[] {
  return promptWords(q).map((word) => sql`${column} ilike ${`%${escapeLike(word)}%`}`);
}
