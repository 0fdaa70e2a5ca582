import { BRAND_LINK_CLASS, BrandMark } from "./brand-mark";
import { ThemeToggle } from "./theme-toggle";

/** The header of pages outside the workspace (share pages, 404): no workspace data, no session. */
export function BrandHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-canvas/85 backdrop-blur-md">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-2 px-3 sm:px-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add its router code to every share page and prefetch the playground's scripts for visitors who mostly never go there */}
        <a href="/" className={BRAND_LINK_CLASS}>
          <BrandMark />
        </a>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
