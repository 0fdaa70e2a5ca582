export default function GalleryNotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
      <p className="text-fg-muted">
        The gallery does not exist, or whoever shared it has turned the link off.
      </p>
    </main>
  );
}
