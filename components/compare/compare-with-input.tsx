"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CompareItem } from "./compare-panel";
import { CompareView } from "./compare-view";

/**
 * The compare view of an edit: "Input as a side" puts the input image first (before vs after), in
 * place of the last image; `withInput` starts with it in. Without an input, the plain compare view.
 */
export function CompareWithInput({
  items,
  input,
  withInput = false,
  picks,
}: {
  items: CompareItem[];
  input: CompareItem | null;
  withInput?: boolean;
  picks?: (item: CompareItem) => ReactNode;
}) {
  const [inputIn, setInputIn] = useState(withInput);
  return (
    <CompareView
      items={input && inputIn ? [input, ...items.slice(0, -1)] : items}
      toolbar={
        input ? (
          <Button size="sm" aria-pressed={inputIn} onClick={() => setInputIn((value) => !value)}>
            Input as a side
          </Button>
        ) : null
      }
      picks={picks}
    />
  );
}
