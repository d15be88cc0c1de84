import type { ButtonHTMLAttributes } from "react";

// Touch-first buttons: at least 44 px tall (docs/ux.md#touch-targets), a visible focus ring from globals.css.

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary:
    "border border-brand-600 text-brand-700 bg-surface-raised hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-brand-700/30",
  danger: "bg-danger text-white hover:brightness-110",
  ghost: "text-ink underline-offset-4 hover:underline",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `inline-flex min-h-touch items-center justify-center gap-2 rounded-xl px-4 py-2 text-base font-semibold transition disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
