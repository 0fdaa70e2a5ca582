import {
  localName,
  type CodeScript,
  type JsonField,
  type ScriptRequest,
  type ScriptVariable,
  type Template,
} from "./code-script";

/** The script as an ES module for Node 20 or later (top-level await, built-in fetch). */

function variable(part: ScriptVariable): string {
  return "env" in part ? `process.env.${part.env}` : localName(part.saved, "camel");
}

function expression(template: Template): string {
  const [only] = template;
  if (template.length === 1 && only !== undefined && typeof only !== "string") return variable(only);
  if (template.every((part) => typeof part === "string")) return JSON.stringify(template.join(""));
  const inner = template
    .map((part) => {
      if (typeof part !== "string") return `\${${variable(part)}}`;
      return part.replace(/\\|`|\$\{/g, (match) => `\\${match}`);
    })
    .join("");
  return `\`${inner}\``;
}

function access(field: JsonField): string {
  return field
    .map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
    .join("");
}

const indented = (text: string, indent: string) => text.replaceAll("\n", `\n${indent}`);

function sendCall(request: ScriptRequest, signedIn: boolean, indent: string): string {
  const headers = request.headers.map(([name, value]) => `${JSON.stringify(name)}: ${expression(value)},`);
  if (signedIn) headers.push('"Cookie": cookie,');
  const options = [
    `method: ${JSON.stringify(request.method)},`,
    `headers: {\n  ${headers.join("\n  ")}\n},`,
    ...(request.body === undefined
      ? []
      : [`body: JSON.stringify(${JSON.stringify(request.body, null, 2)}),`]),
  ];
  const body = indented(`{\n  ${indented(options.join("\n"), "  ")}\n}`, indent);
  return `await send(${expression(request.url)}, ${body})`;
}

function renderRequest(request: ScriptRequest, signedIn: boolean, first: boolean): string {
  const comments = request.comment.map((line) => `// ${line}`);
  const assign = first ? "let answer = " : "answer = ";
  if (request.repeatWhile) {
    const { field, values, intervalSeconds } = request.repeatWhile;
    return [
      ...comments,
      ...(first ? ["let answer;"] : []),
      "do {",
      `  await new Promise((resolve) => setTimeout(resolve, ${intervalSeconds * 1000}));`,
      `  answer = ${sendCall(request, signedIn, "  ")};`,
      `} while ([${values.map((value) => JSON.stringify(value)).join(", ")}].includes(answer${access(field)}));`,
    ].join("\n");
  }
  const lines = [...comments, `${assign}${sendCall(request, signedIn, "")};`];
  if (request.save) {
    const { variable, field } = request.save;
    lines.push(`const ${localName(variable, "camel")} = answer${access(field)};`);
  }
  return lines.join("\n");
}

const SEND = `async function send(url, options) {
  const response = await fetch(url, options);
  const answer = await response.json();
  if (!response.ok) throw new Error(\`HTTP \${response.status}: \${JSON.stringify(answer)}\`);
  return answer;
}`;

export function renderJavascript(script: CodeScript): string {
  const intro = [
    ...script.intro,
    `Node 20 or later, as an ES module: save as request.mjs and run node request.mjs${
      script.env.length > 0 ? ` with ${script.env.join(", ")} set` : ""
    }.`,
  ];
  const blocks = [intro.map((line) => `// ${line}`).join("\n"), SEND];
  if (script.signIn) {
    const { url, tokenEnv } = script.signIn;
    blocks.push(
      [
        "// Sign in with the access token; the session cookie goes along with every request below.",
        `const signIn = await fetch(${JSON.stringify(url)}, {`,
        '  method: "POST",',
        '  headers: { "Content-Type": "application/json" },',
        `  body: JSON.stringify({ token: process.env.${tokenEnv} }),`,
        "});",
        "if (!signIn.ok) throw new Error(`Sign-in failed: HTTP ${signIn.status}`);",
        'const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");',
      ].join("\n"),
    );
  }
  script.requests.forEach((request, index) =>
    blocks.push(renderRequest(request, script.signIn !== undefined, index === 0)),
  );
  blocks.push("console.log(JSON.stringify(answer, null, 2));");
  return `${blocks.join("\n\n")}\n`;
}
