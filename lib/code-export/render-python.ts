import { localName, type CodeScript, type JsonField, type ScriptRequest, type Template } from "./code-script";

/** The script as Python 3 with requests. */

const PYTHON_CONSTANTS: Record<string, string> = { true: "True", false: "False", null: "None" };

/** A JSON value as a Python literal: JSON's strings and numbers are Python's too. */
export function pythonLiteral(value: unknown, indent = ""): string {
  return JSON.stringify(value, null, 4)
    .replace(
      /("(?:[^"\\]|\\.)*")|\b(true|false|null)\b/g,
      (match, text?: string) => text ?? PYTHON_CONSTANTS[match]!,
    )
    .replaceAll("\n", `\n${indent}`);
}

function pythonTuple(values: readonly unknown[]): string {
  const items = values.map((value) => pythonLiteral(value));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

function expression(template: Template): string {
  if (template.length === 0) return '""';
  return template
    .map((part) => {
      if (typeof part === "string") return JSON.stringify(part);
      return "env" in part ? `os.environ[${JSON.stringify(part.env)}]` : localName(part.saved, "snake");
    })
    .join(" + ");
}

function access(field: JsonField): string {
  return field.map((key) => `[${JSON.stringify(key)}]`).join("");
}

function sendCall(request: ScriptRequest, indent: string): string {
  const headers = request.headers.map(
    ([name, value]) => `    ${JSON.stringify(name)}: ${expression(value)},`,
  );
  const options = [`headers={\n${headers.join("\n")}\n}`];
  if (request.body !== undefined) options.push(`json=${pythonLiteral(request.body)}`);
  const call = `send(\n    ${JSON.stringify(request.method)},\n    ${expression(request.url)},\n    ${options
    .map((option) => option.replaceAll("\n", "\n    "))
    .join(",\n    ")},\n)`;
  return call.replaceAll("\n", `\n${indent}`);
}

function renderRequest(request: ScriptRequest): string {
  const comments = request.comment.map((line) => `# ${line}`);
  if (request.repeatWhile) {
    const { field, values, intervalSeconds } = request.repeatWhile;
    return [
      ...comments,
      "while True:",
      `    time.sleep(${intervalSeconds})`,
      `    answer = ${sendCall(request, "    ")}`,
      `    if answer${access(field)} not in ${pythonTuple(values)}:`,
      "        break",
    ].join("\n");
  }
  const lines = [...comments, `answer = ${sendCall(request, "")}`];
  if (request.save) {
    lines.push(`${localName(request.save.variable, "snake")} = answer${access(request.save.field)}`);
  }
  return lines.join("\n");
}

const SEND = `session = requests.Session()


def send(method, url, **options):
    response = session.request(method, url, timeout=180, **options)
    if not response.ok:
        raise SystemExit(f"HTTP {response.status_code}: {response.text}")
    return response.json()
`;

export function renderPython(script: CodeScript): string {
  const intro = [
    ...script.intro,
    `Python 3 with requests (pip install requests)${
      script.env.length > 0 ? `; set ${script.env.join(", ")} first` : ""
    }.`,
  ];
  const needsTime = script.requests.some((request) => request.repeatWhile);
  const blocks = [
    intro.map((line) => `# ${line}`).join("\n"),
    `import json\nimport os\n${needsTime ? "import time\n" : ""}\nimport requests`,
    SEND,
  ];
  if (script.signIn) {
    const { url, tokenEnv } = script.signIn;
    blocks.push(
      [
        "# Sign in with the access token; the session keeps the cookie for every request below.",
        `send("POST", ${JSON.stringify(url)}, json={"token": os.environ[${JSON.stringify(tokenEnv)}]})`,
      ].join("\n"),
    );
  }
  for (const request of script.requests) blocks.push(renderRequest(request));
  blocks.push("print(json.dumps(answer, indent=2))");
  return `${blocks.join("\n\n")}\n`;
}
