import type { ModelView } from "@/lib/api/views";

/** Why the server cannot run a model here, or null: its own reason (no PUBLIC_URL...), else no key. */
export function unavailableReason(view: Pick<ModelView, "available" | "unavailableReason">): string | null {
  if (view.available) return null;
  return view.unavailableReason ?? "Add this provider's API key to enable it";
}

/** Why a model cannot be picked now, or null: no key, no PUBLIC_URL, or too few input images. */
export function blockedReason(
  view: Pick<ModelView, "available" | "unavailableReason" | "inputImages">,
  inputCount: number,
): string | null {
  const unavailable = unavailableReason(view);
  if (unavailable) return unavailable;
  const { min } = view.inputImages;
  if (inputCount >= min) return null;
  if (inputCount === 0)
    return min === 1 ? "Add an input image to use it" : `Add ${min} input images to use it`;
  return `Needs at least ${min} input images; you have ${inputCount}`;
}
