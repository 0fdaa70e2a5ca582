import { cn } from "@/components/ui/cn";
import { StoredImage } from "@/components/ui/stored-image";

const SIZES = { 48: "size-12", 56: "size-14" } as const;

/**
 * A small square thumbnail beside a line of results (a ballot's pick, an image's tally), or in its
 * place a muted square with a sign ("∅" for "None of these"). Decorative: the line names the image.
 */
export function ResultThumbnail({
  src,
  size,
  placeholder = "–",
}: {
  src: string | undefined;
  size: keyof typeof SIZES;
  placeholder?: string;
}) {
  const box = cn(SIZES[size], "shrink-0 rounded-md");
  return src ? (
    <StoredImage
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      className={cn(box, "bg-surface-sunken object-cover")}
    />
  ) : (
    <span aria-hidden className={cn(box, "grid place-items-center bg-surface-muted text-lg text-fg-subtle")}>
      {placeholder}
    </span>
  );
}
