import Link from "next/link";
import { BRAND_LINK_CLASS, BrandMark } from "./brand-mark";

export function BrandLink() {
  return (
    <Link href="/" className={BRAND_LINK_CLASS}>
      <BrandMark />
    </Link>
  );
}
