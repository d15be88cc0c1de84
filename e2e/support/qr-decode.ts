import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Locator } from "@playwright/test";

// Reads a QR code the way a customer's phone would: from the pixels on screen, not from the DOM.

export async function decodeQrFromScreen(locator: Locator): Promise<string> {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!code) throw new Error("no QR code could be read from the screenshot");
  return code.data;
}
