import type { ImageView } from "@/lib/api/views";

/** The owner's stars and notes under a share card's images (notes absent when the owner hides them). */
export function ImageAnnotations({ images }: { images: ImageView[] }) {
  const annotated = images
    .map((image, index) => ({ image, position: index + 1 }))
    .filter(({ image }) => image.starred || image.note);
  if (annotated.length === 0) return null;
  return (
    <ul aria-label="Owner's picks and notes" className="grid gap-1 px-4 pt-3 text-xs">
      {annotated.map(({ image, position }) => (
        <li key={image.id} className="flex gap-1.5">
          {image.starred ? (
            <span className="text-warning" aria-label="Starred by the owner" role="img">
              ★
            </span>
          ) : null}
          <span className="text-fg-muted">
            {images.length > 1 ? `Image ${position}` : "Image"}
            {image.note ? ":" : image.starred ? " · owner's pick" : ""}
          </span>
          {image.note ? <span className="whitespace-pre-wrap text-fg">{image.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
