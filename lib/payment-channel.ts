import { canonicalNetwork, detectNetwork, normalizeTzPhone, type Network } from "@/lib/phone";

// The channel a sale's money came through, as the Z report and the day report count it (docs/api.md
// "Refunds, cash, shifts, reports, receipts"). Mobile money is split by the customer's network, because
// each network settles, and is disputed, on its own; QR, card, TANQR and cash are one channel each.

export const CHANNELS = [
  "mpesa",
  "mixx",
  "airtel",
  "halopesa",
  "tpesa",
  "mobile-other",
  "paygrid-qr",
  "card",
  "tanqr",
  "cash",
] as const;
export type Channel = (typeof CHANNELS)[number];

const BY_NETWORK: Record<Network, Channel> = {
  vodacom: "mpesa",
  tigo: "mixx", // Tigo Pesa is now Mixx by Yas
  airtel: "airtel",
  halotel: "halopesa",
  ttcl: "tpesa",
};

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/**
 * provider/method/network → channel. A mobile-money sale whose network neither the cashier, the provider
 * nor the number's prefix tells is `mobile-other`, so it is still counted, never guessed into a network.
 */
export function paymentChannel(payment: {
  provider: string;
  method: string;
  network?: string | null;
  phone?: string | null;
}): Channel {
  if (payment.provider === "cash" || payment.method === "cash") return "cash";
  if (payment.method === "tanqr") return "tanqr";
  if (payment.method === "card") return "card";
  if (payment.method === "dynamic-qr") return "paygrid-qr";
  const named = payment.network ? canonicalNetwork(payment.network) : null;
  const tz = payment.phone ? normalizeTzPhone(payment.phone) : null;
  const network = named ?? (tz ? detectNetwork(tz) : null);
  return network ? BY_NETWORK[network] : "mobile-other";
}

/** The networks whose sales make a channel (for the history filter's SQL). */
export function networksOf(channel: Channel): Network[] {
  return (Object.keys(BY_NETWORK) as Network[]).filter((n) => BY_NETWORK[n] === channel);
}
