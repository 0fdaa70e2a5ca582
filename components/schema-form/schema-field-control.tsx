"use client";

import type { FieldValues, UseFormReturn } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { EnumField, NumberField, SchemaField, TextField } from "@/lib/models/describe-schema";

interface ControlProps<F extends SchemaField> {
  form: UseFormReturn<FieldValues>;
  field: F;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

const toNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : Number(value);

function NumberControl({ form, field, id, describedBy, invalid }: ControlProps<NumberField>) {
  return (
    <Input
      id={id}
      type="number"
      inputMode={field.integer ? "numeric" : "decimal"}
      min={field.min}
      max={field.max}
      step={field.step ?? "any"}
      placeholder={field.optional && field.defaultValue === undefined ? "Random" : undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      {...form.register(field.name, { setValueAs: toNumber })}
    />
  );
}

function TextControl({ form, field, id, describedBy, invalid }: ControlProps<TextField>) {
  const listId = field.examples.length > 0 ? `${id}-examples` : undefined;
  return (
    <>
      <Input
        id={id}
        type="text"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        {...form.register(field.name, { setValueAs: (value: unknown) => (value === "" ? undefined : value) })}
      />
      {listId ? (
        <datalist id={listId}>
          {field.examples.map((example) => (
            <option key={example} value={example} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}

function EnumControl({ form, field, id, describedBy, invalid }: ControlProps<EnumField>) {
  const fromOption = (value: unknown) =>
    value === ""
      ? undefined
      : (field.options.find((option) => String(option.value) === value)?.value ?? value);
  return (
    <Select
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      {...form.register(field.name, { setValueAs: fromOption })}
    >
      {field.defaultValue === undefined ? (
        <option value="">{field.optional ? "Provider default" : "Choose…"}</option>
      ) : null}
      {field.options.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

export function SchemaFieldControl({
  form,
  field,
  id,
}: {
  form: UseFormReturn<FieldValues>;
  field: SchemaField;
  id: string;
}) {
  const error = form.formState.errors[field.name]?.message;
  const message = typeof error === "string" ? error : undefined;
  const descriptionId = field.description ? `${id}-description` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(" ") || undefined;
  const props = { form, id, describedBy, invalid: Boolean(message) };

  if (field.kind === "boolean") {
    return (
      <div className="grid gap-1">
        <div className="flex items-center justify-between gap-3">
          <label htmlFor={id} className="text-xs font-medium text-fg">
            {field.title}
          </label>
          <Switch
            id={id}
            aria-invalid={props.invalid || undefined}
            aria-describedby={describedBy}
            {...form.register(field.name)}
          />
        </div>
        <FieldHelp
          descriptionId={descriptionId}
          description={field.description}
          errorId={errorId}
          message={message}
        />
      </div>
    );
  }

  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-fg">
        {field.title}
        {field.kind === "number" && field.min !== undefined && field.max !== undefined ? (
          <span className="ml-1.5 font-normal text-fg-subtle">
            {field.min}–{field.max}
          </span>
        ) : null}
      </label>
      {field.kind === "number" ? <NumberControl field={field} {...props} /> : null}
      {field.kind === "text" ? <TextControl field={field} {...props} /> : null}
      {field.kind === "enum" ? <EnumControl field={field} {...props} /> : null}
      <FieldHelp
        descriptionId={descriptionId}
        description={field.description}
        errorId={errorId}
        message={message}
      />
    </div>
  );
}

interface FieldHelpProps {
  descriptionId?: string;
  description?: string;
  errorId?: string;
  message?: string;
}

function FieldHelp({ descriptionId, description, errorId, message }: FieldHelpProps) {
  return (
    <>
      {message ? (
        <p id={errorId} className="text-xs font-medium text-danger">
          {message}
        </p>
      ) : null}
      {description ? (
        <p id={descriptionId} className="text-xs leading-snug text-fg-subtle">
          {description}
        </p>
      ) : null}
    </>
  );
}
