/** Reads the JSON body back out of a rendered copy-as-code snippet, whatever its language. */

const PYTHON_CONSTANTS: Record<string, string> = { True: "true", False: "false", None: "null" };
const MARKERS = { curl: "--data-raw '", javascript: "body: JSON.stringify(", python: "json=" };

/** The balanced {...} or [...] starting at `start`, skipping over double-quoted strings. */
function balanced(text: string, start: number): string {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"') {
      for (index += 1; text[index] !== '"'; index += 1) if (text[index] === "\\") index += 1;
    } else if (character === "{" || character === "[") {
      depth += 1;
    } else if (character === "}" || character === "]") {
      depth -= 1;
      if (depth === 0) return text.slice(start, index + 1);
    }
  }
  throw new Error("unbalanced literal");
}

/** The body of the last request of the snippet that sends one, parsed; undefined when none does. */
export function snippetBody(snippet: string, language: keyof typeof MARKERS): unknown {
  // In the shell, a ' inside single quotes is written '\''.
  const text = language === "curl" ? snippet.replaceAll(`'\\''`, "'") : snippet;
  const at = text.lastIndexOf(MARKERS[language]);
  if (at < 0) return undefined;
  const literal = balanced(text, at + MARKERS[language].length);
  if (language !== "python") return JSON.parse(literal);
  return JSON.parse(
    literal.replace(
      /("(?:[^"\\]|\\.)*")|\b(True|False|None)\b/g,
      (match, quoted?: string) => quoted ?? PYTHON_CONSTANTS[match]!,
    ),
  );
}
