"use client";

import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { SchemaField } from "@/lib/models/describe-schema";
import { SchemaFieldControl } from "./schema-field-control";

interface SchemaFormProps {
  form: UseFormReturn<FieldValues>;
  fields: readonly SchemaField[];
  idPrefix: string;
}

export function SchemaForm({ form, fields, idPrefix }: SchemaFormProps) {
  return (
    <div className="grid gap-4">
      {fields.map((field) => (
        <SchemaFieldControl key={field.name} form={form} field={field} id={`${idPrefix}-${field.name}`} />
      ))}
    </div>
  );
}
