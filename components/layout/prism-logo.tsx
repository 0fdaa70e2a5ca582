export function PrismLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <defs>
        <linearGradient id="prism-logo-gradient" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8b5cf6" />
          <stop offset="0.5" stopColor="#ec4899" />
          <stop offset="1" stopColor="#f59e0b" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#prism-logo-gradient)" />
      <path d="M16 7 25 23H7Z" fill="none" stroke="white" strokeWidth="2.2" strokeLinejoin="round" />
      <path d="M16 7v16" stroke="white" strokeOpacity="0.55" strokeWidth="1.6" />
    </svg>
  );
}
