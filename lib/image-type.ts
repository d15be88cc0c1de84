// The logo types a shop may upload, recognised by their first bytes (the file's own signature), never by
// the name or the Content-Type the browser sent: a renamed HTML or SVG file must not be served as an image.
// SVG is not accepted at all: it can carry script, and a logo does not need it.

export type LogoType = "image/png" | "image/jpeg" | "image/webp";

export const LOGO_TYPES: readonly LogoType[] = ["image/png", "image/jpeg", "image/webp"];

/** 200 KiB: a logo drawn about 48 px high never needs more, and every page of every shopper loads it. */
export const MAX_LOGO_BYTES = 200 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF", then the size, then "WEBP"
const WEBP = [0x57, 0x45, 0x42, 0x50];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

/** The image type the bytes carry, or null when they are none of PNG, JPEG and WebP. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}
