"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import { isTypingTarget, stepRow, type TriageAction, triageAction } from "./triage-keys";

/**
 * Where the keys act, as the page marks it: each prompt row carries `data-row`, its cells or options
 * `data-column`, the element J/K focus `data-triage-row`, and an image's control `data-image-id`.
 */
export interface TriageTarget {
  row: number;
  /** The column of the focused cell, if focus is in one. */
  column: number | null;
  /** The focused image, if focus is on one. */
  imageId: string | null;
}

interface TriageKeysOptions {
  root: RefObject<HTMLElement | null>;
  rows: number;
  /** How many columns number keys reach in a row. */
  columns: (row: number) => number;
  /** 0 picks "None of these" (a review's rows offer it). */
  none?: boolean;
  /** Everything but J/K, which the hook handles itself. */
  onAction: (action: Exclude<TriageAction, { kind: "row" }>, target: TriageTarget) => void;
}

/** Focuses a row's own focus target (its header), rendering it first if the matrix had left it out. */
export function focusRow(root: HTMLElement, row: number) {
  const attempt = (tries: number) => {
    const element = root.querySelector<HTMLElement>(`[data-row="${row}"]`);
    const target =
      element?.querySelector<HTMLElement>("[data-triage-row]") ??
      element?.querySelector<HTMLElement>("[data-column]");
    if (!target) {
      if (tries < 20) requestAnimationFrame(() => attempt(tries + 1));
      return;
    }
    target.scrollIntoView({ block: "nearest" });
    target.focus({ preventScroll: true });
  };
  attempt(0);
}

/** Focuses an element within a row and column once it is rendered. */
export function focusIn(root: HTMLElement, row: number, column: number, selector: string) {
  const target = root.querySelector<HTMLElement>(`[data-row="${row}"] [data-column="${column}"] ${selector}`);
  target?.scrollIntoView({ block: "nearest", inline: "nearest" });
  target?.focus({ preventScroll: true });
}

function targetOf(root: HTMLElement, fallbackRow: number | null): TriageTarget | null {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active) ? active : null;
  const row = inside?.closest<HTMLElement>("[data-row]")?.dataset.row;
  const column = inside?.closest<HTMLElement>("[data-column]")?.dataset.column;
  const resolved = row !== undefined ? Number(row) : fallbackRow;
  if (resolved === null) return null;
  return {
    row: resolved,
    column: column !== undefined ? Number(column) : null,
    imageId: inside?.closest<HTMLElement>("[data-image-id]")?.dataset.imageId ?? null,
  };
}

/**
 * The triage keys on a page: anywhere on it except while typing in a text field or with a dialog
 * open. The row is the one focus is in, else the last one J/K reached. Returns that row and what
 * the polite live region says.
 */
export function useTriageKeys({ root, rows, columns, none = false, onAction }: TriageKeysOptions) {
  const current = useRef<number | null>(null);
  const [message, setMessage] = useState("");
  const latest = useRef({ rows, columns, none, onAction });
  useEffect(() => {
    latest.current = { rows, columns, none, onAction };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const element = root.current;
      if (!element || event.defaultPrevented || event.repeat) return;
      const active = document.activeElement as
        (Element & { type?: string; isContentEditable?: boolean }) | null;
      if (isTypingTarget(active)) return;
      if (document.querySelector("dialog[open]")) return;
      const { rows: count, columns: columnsOf, none: offersNone, onAction: act } = latest.current;
      const target = targetOf(element, current.current);
      const action = triageAction(event, columnsOf(target?.row ?? 0), offersNone);
      if (!action) return;
      event.preventDefault();
      if (action.kind === "row") {
        const next = stepRow(target?.row ?? null, action.delta, count);
        current.current = next;
        focusRow(element, next);
        setMessage(`Row ${next + 1} of ${count}`);
        return;
      }
      const at = target ?? { row: 0, column: null, imageId: null };
      // The list of keys is about no row: J after it still starts at the first.
      if (action.kind !== "help") current.current = at.row;
      act(action, at);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [root]);

  return { announce: setMessage, message };
}
