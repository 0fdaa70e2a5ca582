import { PrismLogo } from "./prism-logo";

export const BRAND_LINK_CLASS = "flex items-center gap-2 text-[15px] font-semibold tracking-tight";

/** The logo and name, for a link home. */
export function BrandMark() {
  return (
    <>
      <PrismLogo className="size-6" />
      <span className="max-[420px]:sr-only">Prism</span>
    </>
  );
}
