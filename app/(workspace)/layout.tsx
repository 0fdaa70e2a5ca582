import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "./providers";

/** The signed-in workspace: playground, runs, history and shared links, with live workspace data. */
export default function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  return (
    <Providers>
      <SiteHeader />
      {children}
    </Providers>
  );
}
