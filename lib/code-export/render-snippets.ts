import type { CodeSnippetsView } from "@/lib/api/views";
import type { CodeScript } from "./code-script";
import { renderCurl } from "./render-curl";
import { renderJavascript } from "./render-javascript";
import { renderPython } from "./render-python";

/** One script in the three languages the "Copy as code" dialog offers. */
export function renderSnippets(script: CodeScript): CodeSnippetsView {
  return { curl: renderCurl(script), javascript: renderJavascript(script), python: renderPython(script) };
}
