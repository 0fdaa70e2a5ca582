import type { Metadata } from "next";
import { type Operation, OperationSection } from "@/components/api-reference/operation-section";
import { RichText } from "@/components/api-reference/rich-text";
import { SchemaSection } from "@/components/api-reference/schema-section";
import type { Schema } from "@/components/api-reference/schema-text";
import { openApiDocument } from "@/lib/api/openapi/document";

export const metadata: Metadata = { title: "API reference" };
// Rendered at build time from the same document as /api/openapi.json; it ships no JavaScript of its own.
export const dynamic = "force-static";
// 24 px tall: a finger's target on a phone.
const SECTION_LINK = "inline-flex min-h-6 items-center text-accent-strong hover:underline";

interface Document {
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation & { tags: string[] }>>;
  components: { schemas: Record<string, Schema> };
}

export default function ApiReferencePage() {
  const document = openApiDocument() as unknown as Document;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <main id="main" className="mx-auto grid max-w-5xl gap-8 px-4 py-8">
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {document.info.title}{" "}
          <span className="text-base font-normal text-fg-subtle">{document.info.version}</span>
        </h1>
        <RichText text={document.info.description} className="text-sm text-fg-muted" />
        <p className="text-sm">
          The OpenAPI 3.1 document:{" "}
          <a className="text-accent-strong underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
        </p>
        <nav aria-label="Sections" className="flex flex-wrap gap-x-3 text-sm">
          {document.tags.map((tag) => (
            <a key={tag.name} className={SECTION_LINK} href={`#tag-${tag.name}`}>
              {tag.name}
            </a>
          ))}
          <a className={SECTION_LINK} href="#schemas">
            Schemas
          </a>
        </nav>
      </header>
      {document.tags.map((tag) => (
        <section
          key={tag.name}
          id={`tag-${tag.name}`}
          className="grid gap-3"
          aria-labelledby={`heading-${tag.name}`}
        >
          <h2 id={`heading-${tag.name}`} className="text-xl font-semibold">
            {tag.name}
          </h2>
          <p className="text-sm text-fg-muted">{tag.description}</p>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <OperationSection
                key={operation.operationId}
                method={method}
                path={path}
                operation={operation}
              />
            ))}
        </section>
      ))}
      <section id="schemas" className="grid gap-5" aria-labelledby="heading-schemas">
        <h2 id="heading-schemas" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <SchemaSection key={name} name={name} schema={schema} />
        ))}
      </section>
    </main>
  );
}
