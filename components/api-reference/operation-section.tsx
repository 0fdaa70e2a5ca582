import { RichText } from "./rich-text";
import { limitsOf, type Schema, SchemaText } from "./schema-text";

/** One operation of the document: method and path, what it does, what it takes and what it answers. */

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-success-soft text-success",
  post: "bg-accent-soft text-accent-strong",
  patch: "bg-warning-soft text-warning",
  delete: "bg-danger-soft text-danger",
};

const cell = "border-t border-line px-2 py-1.5 align-top";

function Contents({ content }: { content: Record<string, { schema: Schema }> | undefined }) {
  if (!content) return null;
  return Object.entries(content).map(([mediaType, { schema }]) => (
    <span key={mediaType} className="mr-3 inline-block">
      <span className="text-fg-subtle">{mediaType}</span> <SchemaText schema={schema} />
    </span>
  ));
}

export function OperationSection({
  method,
  path,
  operation,
}: {
  method: string;
  path: string;
  operation: Operation;
}) {
  return (
    <section
      id={operation.operationId}
      className="scroll-mt-4 rounded-card border border-line bg-surface p-4 shadow-card"
    >
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}
        >
          {method}
        </span>
        <span className="break-all font-semibold">{path}</span>
        {operation.security?.length === 0 ? (
          <span className="rounded bg-surface-muted px-1.5 py-0.5 font-sans text-xs text-fg-muted">
            public
          </span>
        ) : null}
      </h3>
      <p className="mt-2 font-medium">{operation.summary}</p>
      <RichText text={operation.description} className="mt-1 text-sm text-fg-muted" />
      {operation.parameters?.length ? (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="text-left text-xs font-semibold tracking-wide text-fg-subtle uppercase">
            Parameters
          </caption>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`}>
                <td className={`${cell} font-mono`}>
                  {parameter.name}
                  {parameter.required ? <span className="text-danger">*</span> : null}
                </td>
                <td className={`${cell} text-fg-subtle`}>{parameter.in}</td>
                <td className={`${cell} font-mono`}>
                  <SchemaText schema={parameter.schema} />
                </td>
                <td className={`${cell} text-fg-muted`}>
                  {[parameter.description, limitsOf(parameter.schema)].filter(Boolean).join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {operation.requestBody ? (
        <p className="mt-3 text-sm">
          <span className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Body </span>
          <span className="font-mono">
            <Contents content={operation.requestBody.content} />
          </span>
        </p>
      ) : null}
      <table className="mt-3 w-full text-left text-sm">
        <caption className="text-left text-xs font-semibold tracking-wide text-fg-subtle uppercase">
          Responses
        </caption>
        <tbody>
          {Object.entries(operation.responses).map(([status, response]) => (
            <tr key={status}>
              <td className={`${cell} w-12 font-mono font-semibold`}>{status}</td>
              <td className={cell}>
                <RichText text={response.description} className="text-fg-muted" />
                <span className="font-mono text-xs">
                  <Contents content={response.content} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
