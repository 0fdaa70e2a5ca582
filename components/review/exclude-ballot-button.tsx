"use client";

import { Button } from "@/components/ui/button";
import { useExcludeBallot } from "@/lib/hooks/use-review-actions";

/** Takes a ballot out of the tally (it stays listed, marked) or counts it again. */
export function ExcludeBallotButton({
  slug,
  id,
  excluded,
  who,
}: {
  slug: string;
  id: string;
  excluded: boolean;
  who: string;
}) {
  const exclude = useExcludeBallot(slug);
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={exclude.isPending}
      aria-label={`${excluded ? "Count" : "Exclude"} the ballot of ${who}`}
      onClick={() => exclude.mutate({ id, excluded: !excluded })}
    >
      {excluded ? "Count again" : "Exclude"}
    </Button>
  );
}
