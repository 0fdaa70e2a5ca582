import { Playground } from "@/components/playground/playground";

export default function PlaygroundPage() {
  return (
    <main id="main">
      <h1 className="sr-only">Playground</h1>
      <Playground />
    </main>
  );
}
