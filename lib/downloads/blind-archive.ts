import type { ReviewView } from "@/lib/api/review-views";
import { extensionFor } from "@/lib/storage/image-type";
import { manifestHeader, type ArchivePlan, type ArchiveSource } from "./archive-manifest";
import { imageFilename, uniqueFilenames } from "./filename";

/** Isomorphic: what a blind review's ZIP holds, with nothing that names a model or an owner's id. */

export interface BlindArchiveManifest extends ArchiveSource {
  generator: "Prism";
  exportedAt: string;
  total: { images: number };
  images: BlindManifestImage[];
  /** Absent when the review's runs had no inputs. */
  inputs?: BlindManifestInput[];
}

/**
 * An image of a blind review's ZIP: its prompt and option letter, nothing that names the model or
 * could group images by it (no size or type: the files are the review's WebP renditions).
 */
export interface BlindManifestImage {
  file: string;
  prompt: string;
  option: string;
}

/**
 * An input image of a blind review's ZIP, under the review's own id (never the owner's, which a plain
 * link of the same run shows) and the prompts edited from it, 1-based: no run, no model, and no
 * sizes, as nowhere in a blind manifest.
 */
export interface BlindManifestInput {
  file: string;
  id: string;
  prompts: number[];
}

/** The review's distinct inputs with known bytes (`types`: content type by id), in order of first use. */
function planBlindInputs(review: ReviewView, types: ReadonlyMap<string, string>): BlindManifestInput[] {
  const byId = new Map<string, BlindManifestInput>();
  review.prompts.forEach((prompt, index) => {
    for (const input of prompt.inputs) {
      const type = types.get(input.id);
      if (!type) continue;
      const entry =
        byId.get(input.id) ??
        byId
          .set(input.id, {
            file: `inputs/input-${byId.size + 1}.${extensionFor(type)}`,
            id: input.id,
            prompts: [],
          })
          .get(input.id)!;
      if (!entry.prompts.includes(index + 1)) entry.prompts.push(index + 1);
    }
  });
  return [...byId.values()];
}

/** A blind review's files are its renditions, all of one type. */
const BLIND_FILE_TYPE = "image/webp";

/**
 * A blind review's ZIP: files named after the prompt and the reviewer's option letter, its inputs
 * under `inputs/` (those `inputTypes` gives a content type, by the review's own id), and a manifest
 * without models, parameters, jobs or costs.
 */
export function planBlindArchive(
  source: ArchiveSource,
  review: ReviewView,
  inputTypes: ReadonlyMap<string, string> = new Map(),
  exportedAt = new Date(),
): ArchivePlan<BlindArchiveManifest> {
  const entries = review.prompts.flatMap((prompt) =>
    prompt.options.map((option) => ({ prompt: prompt.prompt, option })),
  );
  const names = uniqueFilenames(
    entries.map(({ prompt, option }) => imageFilename(`option-${option.label}`, prompt, 1, BLIND_FILE_TYPE)),
  );
  const images = entries.map(({ prompt, option }, order): BlindManifestImage => ({
    file: names[order]!,
    prompt,
    option: option.label,
  }));
  const inputs = planBlindInputs(review, inputTypes);
  return {
    manifest: {
      ...manifestHeader(source, exportedAt),
      total: { images: images.length },
      images,
      ...(inputs.length > 0 ? { inputs } : {}),
    },
    files: [
      ...entries.map(({ option }, order) => ({ name: names[order]!, imageId: option.image.id })),
      ...inputs.map((input) => ({ name: input.file, imageId: input.id })),
    ],
  };
}
