import type { RunView } from "@/lib/api/views";
import { extensionFor } from "@/lib/storage/image-type";

/** Isomorphic: the input images of an archive (see archive-manifest.ts). */

/** An input image the runs were given (an edit's "before"), under `inputs/` once however many runs used it. */
export interface ManifestInput {
  file: string;
  id: string;
  /** The runs that used it, each at this 1-based position among its inputs. */
  runs: { runId: string; position: number }[];
  width: number;
  height: number;
  contentType: string;
  byteSize: number;
}

/** The runs' distinct inputs, in order of first use, named `inputs/input-1.png` and on. */
export function planInputs(runs: RunView[]): ManifestInput[] {
  const byId = new Map<string, ManifestInput>();
  for (const run of runs) {
    (run.inputs ?? []).forEach((input, index) => {
      const entry =
        byId.get(input.id) ??
        byId
          .set(input.id, {
            file: `inputs/input-${byId.size + 1}.${extensionFor(input.contentType)}`,
            id: input.id,
            runs: [],
            width: input.width,
            height: input.height,
            contentType: input.contentType,
            byteSize: input.byteSize,
          })
          .get(input.id)!;
      entry.runs.push({ runId: run.id, position: index + 1 });
    });
  }
  return [...byId.values()];
}
