import { BrandHeader } from "@/components/layout/brand-header";

/** Share pages are for their viewers: none of the workspace's data or controls. */
export default function SharePageLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BrandHeader />
      {children}
    </>
  );
}
