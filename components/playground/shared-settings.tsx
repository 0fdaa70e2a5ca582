"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ratioOf } from "@/lib/models/sizes";
import { MAX_SEED_VALUE, randomSeed } from "@/lib/models/seeds";
import { Input } from "@/components/ui/input";
import type { SeedSetting } from "./run-configs";
import { ASPECT_RATIOS, type AspectRatio, IMAGE_COUNTS, type SharedSettings } from "@/lib/models/types";

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

export function ChipRadio({ name, checked, onSelect, className, ariaLabel, children }: ChipRadioProps) {
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
  seed: SeedSetting;
  onSeedChange: (seed: SeedSetting) => void;
  /** Why the typed seed cannot be sent, once Generate was pressed. */
  seedError: string | null;
}

function SeedControl({
  seed,
  onChange,
  error,
}: {
  seed: SeedSetting;
  onChange: (seed: SeedSetting) => void;
  error: string | null;
}) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-xs font-semibold text-fg">Seed</legend>
      <div className="grid grid-cols-[1fr_1fr_2fr] gap-1.5">
        <ChipRadio
          name="seed-mode"
          checked={!seed.locked}
          onSelect={() => onChange({ ...seed, locked: false })}
          className="h-8"
        >
          Random
        </ChipRadio>
        <ChipRadio
          name="seed-mode"
          checked={seed.locked}
          onSelect={() => onChange({ locked: true, value: seed.value || String(randomSeed()) })}
          className="h-8"
        >
          Locked
        </ChipRadio>
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEED_VALUE}
          step={1}
          aria-label="Locked seed"
          placeholder="Random"
          disabled={!seed.locked}
          value={seed.locked ? seed.value : ""}
          onChange={(event) => onChange({ locked: true, value: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "seed-error" : "seed-hint"}
          className="h-8"
        />
      </div>
      {error ? (
        <p id="seed-error" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : (
        <p id="seed-hint" className="text-[11px] text-fg-subtle">
          {seed.locked
            ? "Every model that takes a seed gets this one, so a re-run gives the same images."
            : "Each job gets a fresh seed, recorded on its card."}
        </p>
      )}
    </fieldset>
  );
}

export function SharedSettingsControls({
  value,
  onChange,
  seed,
  onSeedChange,
  seedError,
}: SharedSettingsProps) {
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
      <SeedControl seed={seed} onChange={onSeedChange} error={seedError} />
    </div>
  );
}
