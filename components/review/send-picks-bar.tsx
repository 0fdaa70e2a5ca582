import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

interface SendPicksBarProps {
  picked: number;
  prompts: number;
  hasBallot: boolean;
  sending: boolean;
}

/** On a phone, a bar held at the bottom of the screen that sends the picks without scrolling to the form. */
export function SendPicksBar({ picked, prompts, hasBallot, sending }: SendPicksBarProps) {
  return (
    <div className="sticky bottom-0 z-20 -mx-4 border-t border-line bg-surface px-4 py-3 shadow-card sm:hidden">
      <Button type="submit" variant="primary" className="w-full" disabled={sending || picked === 0}>
        {sending ? <Spinner /> : null}
        {hasBallot ? "Update picks" : "Send picks"} ({picked} of {prompts})
      </Button>
    </div>
  );
}
