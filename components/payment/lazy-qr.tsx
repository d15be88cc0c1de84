"use client";

import dynamic from "next/dynamic";

// QRs that appear only after a tap (a customer display's pairing link, a payment link on the register):
// the QR code library is fetched then, not with the register's first load. The payment's own QR
// (pay-view.tsx) stays in its page, where it is the first thing to paint.

export const LazyPayloadQr = dynamic(() => import("./payment-qr").then((m) => m.PayloadQr), { ssr: false });

export const LazyQrCodeSvg = dynamic(() => import("qrcode.react").then((m) => m.QRCodeSVG), { ssr: false });
