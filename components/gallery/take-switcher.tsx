import { Button } from "@/components/ui/button";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";
import type { JobView } from "@/lib/api/views";

interface TakeSwitcherProps {
  takes: JobView[];
  shown: JobView;
  onPick: (take: number) => void;
}

/** "take 2 of 3" with ← → between the takes of one cell. */
export function TakeSwitcher({ takes, shown, onPick }: TakeSwitcherProps) {
  if (takes.length < 2) return null;
  const at = takes.indexOf(shown);
  const pick = (offset: number) => {
    const next = takes[at + offset];
    if (next) onPick(next.take);
  };
  return (
    <div className="flex items-center gap-0.5 text-[11px] text-fg-muted tabular-nums">
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-6 [&_svg]:size-3.5"
        aria-label="Previous take"
        disabled={at <= 0}
        onClick={() => pick(-1)}
      >
        <ChevronLeftIcon />
      </Button>
      <span>
        take {at + 1} of {takes.length}
      </span>
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-6 [&_svg]:size-3.5"
        aria-label="Next take"
        disabled={at >= takes.length - 1}
        onClick={() => pick(1)}
      >
        <ChevronRightIcon />
      </Button>
    </div>
  );
}
