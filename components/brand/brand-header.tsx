import type { CSSProperties, ReactNode } from "react";

// The shop's brand (lib/server/branding/brand.ts) as the hosted checkout, the digital receipt and the
// customer display all show it: one header with the logo (and, where the page needs it, the shop's name),
// and the colour in place of Malipo's green for buttons, links and focus rings. The colour was
// contrast-checked on white and dark surfaces at start (lib/brand-color.ts), so it is safe wherever
// brand-500…700 is used. On paper everything is black: a thermal printer has one colour.

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

export function BrandHeader({
  brand,
  showName = false,
  className = "",
  children,
}: {
  brand: BrandProps;
  /** The shop's name under the logo (the receipt names the seller); the logo's alt text otherwise. */
  showName?: boolean;
  className?: string;
  /** More of the page's heading (the receipt's address and TIN), inside the same header. */
  children?: ReactNode;
}) {
  if (!brand.logoUrl && !showName && !children) return null;
  return (
    <header
      className={`flex flex-col items-center text-center ${className}`}
      data-testid="brand-header"
      data-brand-color={brand.color ?? undefined}
    >
      {brand.logoUrl ? (
        // The logo is either this app's own upload or an image on the shop's own host: next/image would
        // only proxy it through this server. Beside the name it is decoration (alt="").
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={brand.logoUrl}
          alt={showName ? "" : brand.name}
          data-testid="brand-logo"
          className="h-12 w-auto max-w-full object-contain print:h-10 print:grayscale"
        />
      ) : null}
      {showName ? (
        <p
          className={`text-lg font-bold ${brand.color ? "text-brand-700 print:text-black" : ""}`}
          data-testid="brand-name"
        >
          {brand.name}
        </p>
      ) : null}
      {children}
    </header>
  );
}
