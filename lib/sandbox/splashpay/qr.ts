import QRCode from "qrcode";
import { buildDynamicTanqr } from "@/lib/emv-qr";
import { CURRENCY_NUMERIC } from "@/lib/money";
import { toFixedAmount } from "../common/amount";
import type { SplashPaySandboxSettings } from "./settings";

// `data.qr` (S10, S11): a real dynamic TANQR payload (docs/providers.md#tanqr-sandbox-payload) as a Base64 PNG, black on white with a
// 4-module quiet zone and error correction M. "wrong-amount" encodes amount + 1 TZS with a valid CRC, so
// Malipo's QR-matches-sale check has something to refuse.

export async function buildTanqrPng(
  input: { amount: number; reference: string },
  settings: SplashPaySandboxSettings,
): Promise<{ payload: string; png: string }> {
  const amount = settings.qrMode === "wrong-amount" ? input.amount + 100 : input.amount;
  const payload = buildDynamicTanqr({
    merchant: settings.qrMerchant,
    amount: toFixedAmount(amount),
    currencyNumeric: CURRENCY_NUMERIC.TZS,
    reference: input.reference,
  });
  const png = await QRCode.toBuffer(payload, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 4,
    scale: 8,
    color: { dark: "#000000ff", light: "#ffffffff" },
  });
  return { payload, png: png.toString("base64") };
}
