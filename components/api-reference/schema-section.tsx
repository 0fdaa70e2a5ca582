import { RichText } from "./rich-text";
import { limitsOf, type Schema, schemaAnchor, SchemaText } from "./schema-text";

/** One named schema of the document, with a row per property. */
export function SchemaSection({ name, schema }: { name: string; schema: Schema }) {
  const properties = Object.entries(schema.properties ?? {});
  const cell = "border-t border-line px-2 py-1.5 align-top";
  return (
    <section id={schemaAnchor(name)} className="scroll-mt-4">
      <h3 className="font-mono text-sm font-semibold">{name}</h3>
      <RichText text={schema.description} className="text-sm text-fg-muted" />
      {properties.length === 0 ? (
        <p className="font-mono text-sm">
          <SchemaText schema={schema} />
        </p>
      ) : (
        <table className="mt-1 w-full text-left text-sm">
          <tbody>
            {properties.map(([property, value]) => (
              <tr key={property}>
                <td className={`${cell} w-48 font-mono`}>
                  {property}
                  {schema.required?.includes(property) ? null : <span className="text-fg-subtle">?</span>}
                </td>
                <td className={`${cell} font-mono`}>
                  <SchemaText schema={value} />
                </td>
                <td className={`${cell} text-fg-muted`}>
                  {[value.title, value.description, limitsOf(value)].filter(Boolean).join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
