import { buttonClasses } from "@/components/ui/button";
import { ImageIcon } from "@/components/ui/icons";

/** The whole matrix as one PNG, with each row's prompt and each column's model written on it. */
export function ContactSheetLink({ runId }: { runId: string }) {
  return (
    <a
      href={`/api/runs/${encodeURIComponent(runId)}/contact-sheet`}
      target="_blank"
      rel="noopener"
      className={buttonClasses("ghost", "sm")}
      title="The whole run as one PNG, for a review deck"
    >
      <ImageIcon />
      Contact sheet (PNG)
    </a>
  );
}
