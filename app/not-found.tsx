/* eslint-disable @next/next/no-html-link-for-pages -- The root 404 boundary is part of every page's client bundle; next/link here would put its router code on share pages too. */
import { BrandHeader } from "@/components/layout/brand-header";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <>
      <BrandHeader />
      <main
        id="main"
        className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center"
      >
        <p className="text-sm font-semibold text-accent">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">Nothing here</h1>
        <p className="text-fg-muted">The page you asked for does not exist. Your runs are safe in History.</p>
        <div className="mt-3 flex gap-2">
          <a href="/" className={buttonClasses("primary")}>
            Open the playground
          </a>
          <a href="/history" className={buttonClasses("secondary")}>
            History
          </a>
        </div>
      </main>
    </>
  );
}
