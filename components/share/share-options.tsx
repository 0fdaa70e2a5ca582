"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { today } from "./expiry";

export interface ShareOptionValues {
  review: boolean;
  blind: boolean;
  hideNotes: boolean;
  /** A date input's value, "" for a link that does not expire. */
  expiresOn: string;
}

export const DEFAULT_SHARE_OPTIONS: ShareOptionValues = {
  review: false,
  blind: false,
  hideNotes: false,
  expiresOn: "",
};

function Option({
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <label htmlFor={id} className="grid gap-0.5">
        <span className="text-sm font-medium">{label}</span>
        <span id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </span>
      </label>
      <Switch
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5"
      />
    </div>
  );
}

/** Review, Blind (a kind of review), notes and expiry of a new share link. */
export function ShareOptions({
  value,
  onChange,
}: {
  value: ShareOptionValues;
  onChange: (value: ShareOptionValues) => void;
}) {
  const expiryId = useId();
  return (
    <fieldset className="grid gap-3 rounded-xl border border-line p-3.5">
      <legend className="px-1 text-xs font-medium text-fg-muted">Options</legend>
      <Option
        label="Review"
        hint="Visitors pick a favourite per prompt, with an optional comment and name."
        checked={value.review}
        onChange={(review) => onChange({ ...value, review, blind: review && value.blind })}
      />
      <Option
        label="Blind"
        hint="Hides model and provider names, parameters and the order until you reveal them."
        checked={value.blind}
        disabled={!value.review}
        onChange={(blind) => onChange({ ...value, blind })}
      />
      <Option
        label="Hide notes"
        hint="Keeps your notes on images off the page."
        checked={value.hideNotes}
        onChange={(hideNotes) => onChange({ ...value, hideNotes })}
      />
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1.5">
        <label htmlFor={expiryId} className="grid gap-0.5">
          <span className="text-sm font-medium">
            Expires on <span className="font-normal text-fg-subtle">(optional)</span>
          </span>
          <span className="text-xs text-fg-muted">The link works through that day.</span>
        </label>
        <Input
          id={expiryId}
          type="date"
          min={today()}
          value={value.expiresOn}
          onChange={(event) => onChange({ ...value, expiresOn: event.target.value })}
          className="w-40"
        />
      </div>
    </fieldset>
  );
}
