import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from "react";

// A labelled input with its hint and error wired to aria-describedby, so a screen reader hears why a
// field is wrong right where it is.

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
}

const CONTROL =
  "min-h-touch w-full rounded-lg border border-ink-muted/40 bg-surface-raised px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger";

/** The attributes that tie a control to its label's hint and error. */
function described(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
    className: CONTROL,
  };
}

function Field({ id, label, hint, error, className = "", children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" data-testid={`error-${id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ref,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input ref={ref} {...described(id, hint, error)} {...input} />
    </Field>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  ref,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select ref={ref} {...described(id, hint, error)} {...select}>
        {children}
      </select>
    </Field>
  );
}
