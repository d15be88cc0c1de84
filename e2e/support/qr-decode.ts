import type { Locator } from "@playwright/test";
import { decodeQrPng } from "@/lib/decode-qr-png";

/** Reads a QR code the way a customer's phone would: from the pixels on screen, not from the DOM. */
export async function decodeQrFromScreen(locator: Locator): Promise<string> {
  const text = decodeQrPng(await locator.screenshot());
  if (text === undefined) throw new Error("no QR code could be read from the screenshot");
  return text;
}
