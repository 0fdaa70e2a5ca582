import { BrandLink } from "./brand-link";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";
import { SimulatorBadge } from "./simulator-badge";
import { SpendIndicator } from "./spend-indicator";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-canvas/85 backdrop-blur-md">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-1 px-2 sm:gap-6 sm:px-6">
        <BrandLink />
        <MainNav />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <SpendIndicator />
          <SimulatorBadge />
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
