import Link from "next/link";
import { PrismLogo } from "./prism-logo";

export function BrandLink() {
  return (
    <Link href="/" className="flex items-center gap-2 text-[15px] font-semibold tracking-tight">
      <PrismLogo className="size-6" />
      <span className="max-[420px]:sr-only">Prism</span>
    </Link>
  );
}
