import type { Metadata } from "next";
import { headers } from "next/headers";
import { BrandHeader } from "@/components/layout/brand-header";
import { headersOrigin } from "@/lib/http/request-origin";

/**
 * The share preview's image URL must be absolute on the origin people reach (an unfurler cannot
 * resolve a relative one, and localhost shows nothing): the origin this page was served from.
 */
export async function generateMetadata(): Promise<Metadata> {
  const origin = headersOrigin(await headers());
  return origin ? { metadataBase: new URL(origin) } : {};
}

/** Share pages are for their viewers: none of the workspace's data or controls. */
export default function SharePageLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BrandHeader />
      {children}
    </>
  );
}
