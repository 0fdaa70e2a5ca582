export default function PlaygroundPage() {
  return <main>Prism</main>;
}
