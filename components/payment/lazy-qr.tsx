"use client";

import dynamic from "next/dynamic";

// QRs that appear only after a tap (a customer display's pairing link, a payment link on the register, the
// payment's QR shown on the register as its create answer arrives): the QR code library is fetched then,
// not with the register's first load. The payment's own page (pay-view.tsx) keeps it in its first load,
// where it is the first thing to paint.

let loaded: typeof import("./payment-qr") | undefined;
const loadQr = () => import("./payment-qr").then((module) => (loaded = module));

export const LazyPayloadQr = dynamic(() => loadQr().then((m) => m.PayloadQr), { ssr: false });

export const LazyImageQr = dynamic(() => loadQr().then((m) => m.ImageQr), { ssr: false });

export const LazyQrCodeSvg = dynamic(() => import("qrcode.react").then((m) => m.QRCodeSVG), { ssr: false });

/** Fetches the QR code while the cashier types the customer's details, so Charge does not wait for it. */
export function preloadQr(): void {
  void loadQr();
}

/**
 * The QR components once preloadQr() has fetched them, for a render that must not wait a turn: a lazy
 * component suspends even when its code is there, and a navigation started beside it can hold it back.
 */
export function preloadedQr(): typeof import("./payment-qr") | undefined {
  return loaded;
}
