"use client";

import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import { useModels } from "@/lib/hooks/use-models";

/** The prompt search and the model choice that history and the picks board filter by. */
export function SearchModelFields({
  search,
  modelId,
  onChange,
}: {
  search: string;
  modelId: string;
  onChange: (change: { search?: string; modelId?: string }) => void;
}) {
  const { data } = useModels();
  return (
    <>
      <SearchInput
        aria-label="Search prompts"
        placeholder="Search prompts"
        value={search}
        onChange={(event) => onChange({ search: event.target.value })}
      />
      <Select
        aria-label="Model"
        value={modelId}
        onChange={(event) => onChange({ modelId: event.target.value })}
      >
        <option value="">All models</option>
        {data?.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} ({model.providerName})
          </option>
        ))}
      </Select>
    </>
  );
}
