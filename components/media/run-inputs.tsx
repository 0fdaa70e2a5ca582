import { cn } from "@/components/ui/cn";
import { StoredImage } from "@/components/ui/stored-image";
import type { InputView } from "@/lib/api/views";

/**
 * A run's input images, in the order the models took them: above its results, in the matrix's
 * corner, on a share page and in a blind review (an input names no model). Each opens full size.
 */
export function RunInputs({
  inputs,
  dense = false,
  title,
  className,
}: {
  inputs: Pick<InputView, "id" | "url" | "thumbnailUrl" | "width" | "height">[];
  /** The heading, where the page names them otherwise ("Before" in a review). */
  title?: string;
  /** Small thumbnails without a heading (the matrix's corner). */
  dense?: boolean;
  className?: string;
}) {
  if (inputs.length === 0) return null;
  const list = (
    <ol aria-label="Input images" className={cn("flex flex-wrap", dense ? "gap-1" : "gap-2")}>
      {inputs.map((input, index) => (
        <li key={input.id}>
          <a
            href={input.url}
            target="_blank"
            rel="noreferrer"
            aria-label={`Input image ${index + 1} of ${inputs.length}, ${input.width}×${input.height}, full size`}
            className={cn(
              "block overflow-hidden bg-surface-sunken ring-1 ring-line ring-inset",
              dense ? "h-8 rounded" : "h-20 rounded-lg sm:h-24",
            )}
            style={{ aspectRatio: input.width / input.height }}
          >
            <StoredImage
              src={input.thumbnailUrl}
              alt=""
              width={input.width}
              height={input.height}
              data-input-id={input.id}
              className="size-full object-cover"
            />
          </a>
        </li>
      ))}
    </ol>
  );
  if (dense) return <div className={className}>{list}</div>;
  return (
    <section aria-label="Input images" className={cn("grid gap-1.5", className)}>
      <h2 className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
        {title ?? (inputs.length === 1 ? "Input image" : "Input images")}
        {inputs.length > 1 ? " · models take them in this order" : null}
      </h2>
      {list}
    </section>
  );
}
