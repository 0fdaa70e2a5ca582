"use client";

import { useSyncExternalStore } from "react";

/**
 * Images (and whole runs) picked for sharing, across run pages and history. Kept in
 * sessionStorage so moving between pages or reloading keeps the pick; one store per tab.
 */
export interface ImageSelection {
  active: boolean;
  imageIds: string[];
  runIds: string[];
}

const STORAGE_KEY = "prism:selection";
const EMPTY: ImageSelection = { active: false, imageIds: [], runIds: [] };

let state: ImageSelection | null = null;
const listeners = new Set<() => void>();

function read(): ImageSelection {
  if (state) return state;
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "null") as ImageSelection | null;
    state = stored && Array.isArray(stored.imageIds) && Array.isArray(stored.runIds) ? stored : EMPTY;
  } catch {
    state = EMPTY;
  }
  return state;
}

function write(next: ImageSelection): void {
  state = next;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full quota: the selection then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const toggled = (list: string[], id: string) =>
  list.includes(id) ? list.filter((item) => item !== id) : [...list, id];

export const selectionActions = {
  setActive: (active: boolean) => write({ ...read(), active }),
  toggleImage: (id: string) => write({ ...read(), imageIds: toggled(read().imageIds, id) }),
  toggleRun: (id: string) => write({ ...read(), runIds: toggled(read().runIds, id) }),
  clear: () => write(EMPTY),
};

export function useImageSelection(): ImageSelection {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}
