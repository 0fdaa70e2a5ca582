"use client";

import { useSyncExternalStore } from "react";

/** How much of a run's matrix fits on a screen: whole cards, lean cards, or thumbnails only. */
export const DENSITIES = ["large", "compact", "contact"] as const;
export type Density = (typeof DENSITIES)[number];

const STORAGE_KEY = "prism:density";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function stored(): Density | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return DENSITIES.find((density) => density === value) ?? null;
  } catch {
    return null;
  }
}

export function setDensity(density: Density) {
  try {
    localStorage.setItem(STORAGE_KEY, density);
  } catch {}
  listeners.forEach((listener) => listener());
}

/**
 * The density the person picked last (kept in localStorage, shared by every run on screen), or
 * until they pick one, `fitted`: the one that fits the screen (fitDensity).
 */
export function useDensity(fitted: Density): Density {
  const picked = useSyncExternalStore(subscribe, stored, () => null);
  return picked ?? fitted;
}
