"use client";

import { SearchModelFields } from "@/components/filters/search-model-fields";
import { Input } from "@/components/ui/input";
import type { PicksFilters } from "@/lib/hooks/use-picks";

export function PicksFilterBar({
  value,
  onChange,
}: {
  value: PicksFilters;
  onChange: (value: PicksFilters) => void;
}) {
  return (
    <div className="grid w-full gap-2 sm:grid-cols-[minmax(0,18rem)_11rem_10rem] lg:w-auto">
      <SearchModelFields
        search={value.search}
        modelId={value.modelId}
        onChange={(change) => onChange({ ...value, ...change })}
      />
      <Input
        type="date"
        aria-label="Starred images stored since"
        value={value.since}
        onChange={(event) => onChange({ ...value, since: event.target.value })}
      />
    </div>
  );
}
