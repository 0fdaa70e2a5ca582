"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ratioOf } from "@/lib/models/sizes";
import { ASPECT_RATIOS, type AspectRatio, type SharedSettings } from "@/lib/models/types";

const IMAGE_COUNTS = [1, 2, 3, 4] as const;

const chipClasses =
  "relative flex cursor-pointer items-center justify-center gap-1.5 rounded-lg border border-line bg-surface text-xs font-medium text-fg-muted transition-colors hover:border-line-strong hover:text-fg has-checked:border-accent has-checked:bg-accent-soft has-checked:text-accent-strong has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent";

function RatioGlyph({ ratio }: { ratio: AspectRatio }) {
  const value = ratioOf(ratio);
  const width = value >= 1 ? 14 : 14 * value;
  const height = value >= 1 ? 14 / value : 14;
  return (
    <span aria-hidden className="rounded-[2px] border-[1.5px] border-current" style={{ width, height }} />
  );
}

interface ChipRadioProps {
  name: string;
  checked: boolean;
  onSelect: () => void;
  className: string;
  ariaLabel?: string;
  children: ReactNode;
}

function ChipRadio({ name, checked, onSelect, className, ariaLabel, children }: ChipRadioProps) {
  return (
    <label className={cn(chipClasses, className)}>
      <input
        type="radio"
        name={name}
        checked={checked}
        onChange={onSelect}
        className="absolute inset-0 cursor-pointer opacity-0"
        aria-label={ariaLabel}
      />
      {children}
    </label>
  );
}

interface SharedSettingsProps {
  value: SharedSettings;
  onChange: (value: SharedSettings) => void;
}

export function SharedSettingsControls({ value, onChange }: SharedSettingsProps) {
  return (
    <div className="grid gap-4">
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-xs font-semibold text-fg">Aspect ratio</legend>
        <div className="grid grid-cols-4 gap-1.5">
          {ASPECT_RATIOS.map((ratio) => (
            <ChipRadio
              key={ratio}
              name="aspect-ratio"
              checked={value.aspectRatio === ratio}
              onSelect={() => onChange({ ...value, aspectRatio: ratio })}
              className="h-9"
            >
              <RatioGlyph ratio={ratio} />
              {ratio}
            </ChipRadio>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-xs font-semibold text-fg">Number of images</legend>
        <div className="grid grid-cols-4 gap-1.5">
          {IMAGE_COUNTS.map((count) => (
            <ChipRadio
              key={count}
              name="number-of-images"
              checked={value.numImages === count}
              onSelect={() => onChange({ ...value, numImages: count })}
              className="h-8"
              ariaLabel={`${count} ${count === 1 ? "image" : "images"}`}
            >
              {count}
            </ChipRadio>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
