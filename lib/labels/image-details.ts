import type { ParamLabel } from "./params";

/**
 * What an image's details list says (the lightbox, for the owner and on a share page alike): its
 * parameters as labelled, then one row each for seed, size, cost and time.
 */

/** A take whose model takes no seed: it cannot be made again exactly. */
export const NO_SEED = "No seed";
export const NO_SEED_NOTE =
  "This model picks its own seed on every take, so a take cannot be repeated exactly.";

export interface DetailRow {
  key: string;
  title: string;
  value: string;
  /** More about the value, as a tooltip. */
  note?: string;
}

interface ImageDetails {
  params: readonly ParamLabel[];
  seed: number | null;
  width: number;
  height: number;
  /** The owner's only: what the take cost. */
  cost?: { text: string; title: string };
  /** How long the take took, as said ("6.4 s"), once it has finished. */
  took?: string;
}

const SIZE = /^(\d+)\s*[*x×]\s*(\d+)$/;

/** The size a model was asked for, where it says something the image's own size does not ("auto"). */
function askedSize(asked: ParamLabel | undefined, width: number, height: number): string {
  if (!asked) return "";
  const match = SIZE.exec(asked.value.trim());
  return match && Number(match[1]) === width && Number(match[2]) === height ? "" : ` (asked ${asked.value})`;
}

export function imageDetailRows({ params, seed, width, height, cost, took }: ImageDetails): DetailRow[] {
  // The seed sent and the size made are rows of their own: the parameters would say them again.
  const size = params.find((param) => param.key === "size");
  return [
    ...params.filter((param) => param.key !== "seed" && param.key !== "size"),
    seed === null
      ? { key: "seed", title: "Seed", value: "None", note: NO_SEED_NOTE }
      : { key: "seed", title: "Seed", value: String(seed) },
    { key: "size", title: "Size", value: `${width} × ${height}${askedSize(size, width, height)}` },
    ...(cost ? [{ key: "cost", title: "Cost", value: cost.text, note: cost.title }] : []),
    ...(took ? [{ key: "took", title: "Took", value: took }] : []),
  ];
}
