// The merchant's brand colour is drawn as text and button colour on both the light page (white) and the
// dark one, so it must be readable on both: WCAG 2.1 contrast of at least 3:1 (large text and interface
// parts, https://www.w3.org/TR/WCAG21/#non-text-contrast) against white and against the dark surface.

export const LIGHT_BACKGROUND = "#ffffff";
/** The dark surface of app/globals.css (--surface-raised in dark mode). */
export const DARK_BACKGROUND = "#14211c";
export const MIN_BRAND_CONTRAST = 3;

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

function channel(byte: number): number {
  const c = byte / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const digits = HEX.exec(hex)?.[1];
  if (!digits) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(digits.slice(i, i + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Why a brand colour cannot be used, or null when it reads on both backgrounds. */
export function brandColorProblem(color: string): string | null {
  if (!isHexColor(color)) return "expected a colour as #rrggbb, e.g. #0e7c66";
  const light = contrastRatio(color, LIGHT_BACKGROUND);
  const dark = contrastRatio(color, DARK_BACKGROUND);
  if (light < MIN_BRAND_CONTRAST) {
    return `${color} is unreadable on white (contrast ${light.toFixed(2)}:1, needs ${MIN_BRAND_CONTRAST}:1); choose a darker shade`;
  }
  if (dark < MIN_BRAND_CONTRAST) {
    return `${color} is unreadable in dark mode (contrast ${dark.toFixed(2)}:1 on ${DARK_BACKGROUND}, needs ${MIN_BRAND_CONTRAST}:1); choose a lighter shade`;
  }
  return null;
}
