import type { CSSProperties } from "react";

// The shop's brand on the hosted checkout (lib/server/branding.ts): its logo above the page, and its colour
// in place of Malipo's green for buttons, links and focus rings. The colour was contrast-checked on white
// and dark surfaces at start (lib/brand-color.ts), so it is safe wherever brand-500…700 is used.

export interface BrandProps {
  name: string;
  logoUrl: string | null;
  color: string | null;
}

/** CSS variables that re-colour Tailwind's brand-500/600/700 inside the element that carries them. */
export function brandStyle(brand: BrandProps): CSSProperties | undefined {
  if (!brand.color) return undefined;
  return {
    "--color-brand-500": brand.color,
    "--color-brand-600": brand.color,
    "--color-brand-700": brand.color,
  } as CSSProperties;
}

export function BrandHeader({ brand }: { brand: BrandProps }) {
  if (!brand.logoUrl) return null;
  return (
    <header className="mx-auto mb-4 flex max-w-md justify-center" data-testid="brand-header">
      {/* A shop's own image on its own host: next/image would proxy it through this server. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={brand.logoUrl} alt={brand.name} className="h-12 w-auto max-w-full object-contain" />
    </header>
  );
}
