import type { ComponentProps } from "react";

type StoredImageProps = ComponentProps<"img"> & { src: string; alt: string };

/**
 * An image Prism stored (`/api/files/…`, the original or its thumbnail), as a plain `<img>` rather
 * than next/image: the files are already sized (the thumbnail is made when the image is stored) and
 * immutable with a year's cache, so the optimizer would only encode every one of them a second time.
 */
export function StoredImage(props: StoredImageProps) {
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- the one <img> of stored files (see above); `alt` is required by the type
  return <img {...props} />;
}
