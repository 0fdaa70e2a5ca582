/**
 * A language-neutral HTTP script (a few requests, one after the other) that each renderer writes
 * out as cURL, JavaScript or Python. Both copy-as-code endpoints build one of these, so the three
 * languages always say the same thing.
 */

/** An environment variable (`$SHORTAPI_KEY`) or a value read from an earlier answer (`$JOB_ID`). */
export type ScriptVariable = { env: string } | { saved: string };

/** A string with variables in it, e.g. ["Bearer ", { env: "SHORTAPI_KEY" }]. */
export type Template = readonly (string | ScriptVariable)[];

/** A path into a JSON answer, e.g. ["data", "job_id"]. */
export type JsonField = readonly string[];

export interface ScriptRequest {
  /** Said above the request, one comment line each. */
  comment: string[];
  method: "GET" | "POST";
  url: Template;
  headers: readonly (readonly [name: string, value: Template])[];
  /** Sent as JSON. */
  body?: unknown;
  /** Reads a field of the JSON answer into a variable the later requests use. */
  save?: { variable: string; field: JsonField };
  /** Sends the request again every `intervalSeconds` while `field` holds one of `values`. */
  repeatWhile?: { field: JsonField; values: readonly (string | number)[]; intervalSeconds: number };
}

export interface CodeScript {
  /** Comment lines at the top. */
  intro: string[];
  /** Environment variables the script reads, all of them secrets or settings of the reader. */
  env: string[];
  /**
   * Signs in first (POST `url` with `{ token }` from this environment variable) and sends the
   * session cookie it gets with every request: how a script talks to Prism behind an access token.
   */
  signIn?: { url: string; tokenEnv: string };
  requests: ScriptRequest[];
}

/** Splits `text` wherever one of `tokens` occurs, putting the token's variable in its place. */
export function toTemplate(text: string, tokens: ReadonlyMap<string, ScriptVariable>): Template {
  // Longest first, so a token that contains another (a placeholder URL holding a placeholder id) wins.
  const ordered = [...tokens.keys()].sort((a, b) => b.length - a.length);
  let parts: (string | ScriptVariable)[] = [text];
  for (const token of ordered) {
    const variable = tokens.get(token)!;
    parts = parts.flatMap((part) =>
      typeof part === "string"
        ? part.split(token).flatMap((piece, index) => (index === 0 ? [piece] : [variable, piece]))
        : [part],
    );
  }
  return parts.filter((part) => part !== "");
}

/** The name of a saved variable in a language that spells locals in camelCase or snake_case. */
export function localName(saved: string, style: "camel" | "snake"): string {
  const words = saved.toLowerCase().split("_");
  if (style === "snake") return words.join("_");
  return words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}
