import { IntentLink } from "@/components/ui/intent-link";
import { BRAND_LINK_CLASS, BrandMark } from "./brand-mark";

export function BrandLink() {
  return (
    <IntentLink href="/" className={BRAND_LINK_CLASS}>
      <BrandMark />
    </IntentLink>
  );
}
