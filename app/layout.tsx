import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Prism", description: "Compare text-to-image models side by side." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
