import { BrandLink } from "./brand-link";
import { ThemeToggle } from "./theme-toggle";

/** The header of pages outside the workspace (share pages, 404): no workspace data, no session. */
export function BrandHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-canvas/85 backdrop-blur-md">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-2 px-3 sm:px-6">
        <BrandLink />
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
