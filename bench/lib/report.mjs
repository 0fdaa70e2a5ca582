import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const RESULTS_DIR = path.join(import.meta.dirname, "..", "results");

/**
 * Prints one bench: a title, how it was measured, then one line per figure with its target, and
 * keeps the figures as JSON in bench/results/ (git-ignored) for comparing runs.
 */
export function createReport(name, title) {
  const rows = [];
  console.log(`\n== ${title} ==`);
  return {
    /** How the numbers were measured, printed before them. */
    method(text) {
      for (const line of text.trim().split("\n")) console.log(`   ${line.trim()}`);
    },
    /**
     * target: { max } or { min } in the same unit, or undefined for a figure shown for context.
     * Prints "meets" or "MISSES" beside a figure that has one.
     */
    row(label, value, unit, target) {
      const verdict = !target ? "" : meets(value, target) ? "meets" : "MISSES";
      const targetText = !target
        ? ""
        : `target ${"max" in target ? "≤" : "≥"} ${target.max ?? target.min} ${unit}`;
      console.log(
        `   ${label.padEnd(54)} ${format(value).padStart(10)} ${unit.padEnd(6)} ${targetText.padEnd(22)} ${verdict}`,
      );
      rows.push({ label, value, unit, target, verdict: verdict || undefined });
    },
    note(text) {
      console.log(`   note: ${text}`);
    },
    save(extra = {}) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.json`);
      writeFileSync(
        file,
        JSON.stringify({ name, title, at: new Date().toISOString(), rows, ...extra }, null, 2),
      );
    },
  };
}

function meets(value, target) {
  return "max" in target ? value <= target.max : value >= target.min;
}

function format(value) {
  if (typeof value !== "number") return String(value);
  if (Number.isInteger(value)) return String(value);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
