import jsQR from "jsqr";
import { PNG } from "pngjs";

// Node only (pngjs), like lib/sandbox: the server's QR-matches-sale check and the sandbox tests use it.
// SplashPay returns its TANQR only as a PNG (docs/providers.md#splashpay-create), so checking the payload means reading the
// image like a customer's phone would. Undefined when the bytes are not a PNG or hold no readable QR.

export function decodeQrPng(png: Uint8Array): string | undefined {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(png));
  } catch {
    return undefined;
  }
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return code?.data || undefined;
}

/** `data:image/png;base64,…` or bare Base64 → the QR's text. */
export function decodeQrImage(image: string): string | undefined {
  const base64 = image.replace(/^data:image\/png;base64,/, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  return decodeQrPng(Buffer.from(base64, "base64"));
}
