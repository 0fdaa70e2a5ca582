"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon, UploadIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { StoredImage } from "@/components/ui/stored-image";
import { INPUT_CONTENT_TYPES } from "@/lib/api/input-limits";
import type { InputsState } from "@/lib/hooks/use-inputs";

const hasFiles = (transfer: DataTransfer | null) => Boolean(transfer?.types.includes("Files"));

/** The files of a drop or a paste, images first in the order given. */
const filesOf = (transfer: DataTransfer | null) => Array.from(transfer?.files ?? []);

/**
 * The next run's input images: pick files, drop them anywhere on the playground, or paste one; each
 * shown as a thumbnail that can be moved (models take the first ones) or removed. Loaded on demand:
 * the playground's first scripts carry none of it.
 */
export function InputImages({ state }: { state: InputsState }) {
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const { inputs, pending, errors } = state;

  const onDragEnter = useEffectEvent((event: DragEvent) => {
    if (!hasFiles(event.dataTransfer)) return;
    depth.current += 1;
    setDragging(true);
  });
  const onDragLeave = useEffectEvent(() => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  });
  const onDrop = useEffectEvent((event: DragEvent) => {
    if (!hasFiles(event.dataTransfer)) return;
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    void state.addFiles(filesOf(event.dataTransfer));
  });
  const onPaste = useEffectEvent((event: ClipboardEvent) => {
    const files = filesOf(event.clipboardData);
    if (files.length === 0) return;
    event.preventDefault();
    void state.addFiles(files);
  });
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (hasFiles(event.dataTransfer)) event.preventDefault();
    };
    const enter = (event: DragEvent) => onDragEnter(event);
    const leave = () => onDragLeave();
    const drop = (event: DragEvent) => onDrop(event);
    const paste = (event: ClipboardEvent) => onPaste(event);
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    window.addEventListener("paste", paste);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
      window.removeEventListener("paste", paste);
    };
  }, []);

  const count = inputs.length;
  return (
    <fieldset className="grid gap-2" aria-describedby="input-images-hint">
      <legend className="mb-2 flex w-full items-baseline justify-between text-xs font-semibold text-fg">
        Input images
        {count > 0 ? (
          <Button variant="ghost" size="sm" className="-my-1 h-6 px-1.5 text-[11px]" onClick={state.clear}>
            Clear all
          </Button>
        ) : null}
      </legend>
      {count + pending.length > 0 ? (
        <ol aria-label="Input images" className="grid grid-cols-4 gap-1.5">
          {inputs.map((input, index) => {
            const name = `input ${index + 1}`;
            return (
              <li
                key={input.id}
                aria-label={`Input ${index + 1} of ${count}, ${input.width}×${input.height}`}
                className="group/input relative aspect-square overflow-hidden rounded-lg bg-surface-sunken ring-1 ring-line ring-inset"
                data-input-id={input.id}
              >
                <StoredImage
                  src={input.thumbnailUrl}
                  alt=""
                  width={input.width}
                  height={input.height}
                  className="size-full object-cover"
                />
                <span className="absolute top-1 left-1 rounded bg-black/55 px-1 text-[10px] font-semibold text-white tabular-nums">
                  {index + 1}
                </span>
                <div className="absolute inset-x-0 bottom-0 flex justify-between bg-black/45 p-0.5">
                  <button
                    type="button"
                    aria-label={`Move ${name} earlier`}
                    disabled={index === 0}
                    onClick={() => state.move(input.id, -1)}
                    className="grid size-6 place-items-center rounded text-white hover:bg-white/20 disabled:opacity-30 [&_svg]:size-3.5"
                  >
                    <ChevronLeftIcon />
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${name}`}
                    onClick={() => state.remove(input.id)}
                    className="grid size-6 place-items-center rounded text-white hover:bg-white/20 [&_svg]:size-3.5"
                  >
                    <CloseIcon />
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} later`}
                    disabled={index === count - 1}
                    onClick={() => state.move(input.id, 1)}
                    className="grid size-6 place-items-center rounded text-white hover:bg-white/20 disabled:opacity-30 [&_svg]:size-3.5"
                  >
                    <ChevronRightIcon />
                  </button>
                </div>
              </li>
            );
          })}
          {pending.map((entry) => (
            <li
              key={entry.key}
              aria-label={`Uploading ${entry.name}`}
              className="skeleton grid aspect-square place-items-center rounded-lg"
            >
              <Spinner className="size-4 text-fg-muted" />
            </li>
          ))}
        </ol>
      ) : null}
      <div
        data-drop-zone={dragging ? "active" : "idle"}
        className={cn(
          "flex items-center gap-3 rounded-xl border border-dashed px-3 py-2.5 transition-colors",
          dragging ? "border-accent bg-accent-soft text-accent-strong" : "border-line-strong bg-surface",
        )}
      >
        <Button size="sm" onClick={() => picker.current?.click()} disabled={state.full}>
          <UploadIcon />
          {count > 0 ? "Add images" : "Choose images"}
        </Button>
        <p id="input-images-hint" className="text-xs leading-snug text-fg-muted">
          {dragging
            ? "Drop to add as input images"
            : "or drop or paste them here, for edit models. PNG, JPEG, WebP or GIF, up to 10 MB."}
        </p>
        <input
          ref={picker}
          type="file"
          accept={INPUT_CONTENT_TYPES.join(",")}
          multiple
          hidden
          aria-label="Choose input images"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            void state.addFiles(files);
          }}
        />
      </div>
      {errors.length > 0 ? (
        <div role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
          <ul className="grid gap-1">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {dragging ? (
        <div
          aria-hidden
          className="pointer-events-none fixed inset-2 z-50 grid place-items-center rounded-card border-2 border-dashed border-accent bg-accent-soft/70 text-sm font-semibold text-accent-strong backdrop-blur-sm"
        >
          Drop to add as input images
        </div>
      ) : null}
    </fieldset>
  );
}
