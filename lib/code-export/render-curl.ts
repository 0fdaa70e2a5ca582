import type { CodeScript, JsonField, ScriptRequest, Template } from "./code-script";

/** The script as a POSIX shell script of curl calls; answers are read with jq. */

const COOKIE_JAR = "prism-cookies.txt";

/** A literal shell word: single quotes, with each ' closed, escaped and reopened. */
function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A shell word: single-quoted when it holds no variable, else double-quoted with ${NAME}. */
function shellWord(template: Template): string {
  if (template.every((part) => typeof part === "string")) return singleQuoted(template.join(""));
  const inner = template
    .map((part, index) => {
      if (typeof part === "string") return part.replace(/[\\"$`]/g, (character) => `\\${character}`);
      const name = "env" in part ? part.env : part.saved;
      // $NAME as people write it, unless a name character follows and braces must end it.
      const next = template[index + 1];
      return typeof next === "string" && /^\w/.test(next) ? `\${${name}}` : `$${name}`;
    })
    .join("");
  return `"${inner}"`;
}

function jqPath(field: JsonField): string {
  return field.map((key) => (/^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `.[${JSON.stringify(key)}]`)).join("");
}

function curlCall(request: ScriptRequest, signedIn: boolean, indent: string): string {
  const method = request.method === "GET" ? "" : ` -X ${request.method}`;
  const lines = [`curl -sS${method} ${shellWord(request.url)}`];
  if (signedIn) lines.push(`-b ${COOKIE_JAR}`);
  for (const [name, value] of request.headers) lines.push(`-H ${shellWord([`${name}: `, ...value])}`);
  if (request.body !== undefined) {
    lines.push(`--data-raw ${singleQuoted(JSON.stringify(request.body, null, 2))}`);
  }
  return lines.join(` \\\n${indent}  `);
}

function renderRequest(request: ScriptRequest, signedIn: boolean): string {
  const comments = request.comment.map((line) => `# ${line}`);
  if (request.repeatWhile) {
    const { field, values, intervalSeconds } = request.repeatWhile;
    const pending = `${jqPath(field)} | IN(${values.map((value) => JSON.stringify(value)).join(", ")})`;
    return [
      ...comments,
      "while :; do",
      `  sleep ${intervalSeconds}`,
      `  ANSWER=$(${curlCall(request, signedIn, "  ")})`,
      `  echo "$ANSWER" | jq -e ${singleQuoted(pending)} > /dev/null || break`,
      "done",
      'echo "$ANSWER"',
    ].join("\n");
  }
  const call = curlCall(request, signedIn, "");
  if (!request.save) return [...comments, call].join("\n");
  const { variable, field } = request.save;
  return [
    ...comments,
    `${variable}=$(${call} | jq -r ${singleQuoted(jqPath(field))})`,
    `echo "${variable}=$${variable}"`,
  ].join("\n");
}

export function renderCurl(script: CodeScript): string {
  const needs = [
    `# Needs curl and jq.${script.env.length > 0 ? ` Set ${script.env.join(", ")} first.` : ""}`,
  ];
  const blocks = [[...script.intro.map((line) => `# ${line}`), ...needs].join("\n")];
  if (script.signIn) {
    const { url, tokenEnv } = script.signIn;
    blocks.push(
      [
        "# Sign in with the access token; the session cookie goes along with every request below.",
        [
          `curl -sS -X POST ${singleQuoted(url)} -c ${COOKIE_JAR}`,
          "-H 'Content-Type: application/json'",
          `--data-raw "{\\"token\\": \\"$${tokenEnv}\\"}"`,
        ].join(" \\\n  "),
      ].join("\n"),
    );
  }
  for (const request of script.requests) blocks.push(renderRequest(request, script.signIn !== undefined));
  return `${blocks.join("\n\n")}\n`;
}
