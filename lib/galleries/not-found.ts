import { AppError } from "@/lib/errors";

/** Revoked and unknown galleries answer alike, so a slug's past cannot be probed. */
export const galleryNotFound = () => new AppError("not_found", "No gallery at this link");
