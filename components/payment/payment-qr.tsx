"use client";

import { QRCodeSVG } from "qrcode.react";

// QR codes stay black on white with a quiet zone in every theme: scanners in shop light need contrast.

export function PayloadQr({
  value,
  label,
  size = 288,
  testId,
}: {
  value: string;
  label: string;
  size?: number;
  testId?: string;
}) {
  return (
    <div className="inline-block rounded-xl bg-white p-2" data-testid={testId}>
      <QRCodeSVG
        value={value}
        size={size}
        level="M"
        marginSize={4}
        bgColor="#ffffff"
        fgColor="#000000"
        role="img"
        aria-label={label}
        className="h-auto w-full max-w-[min(80vw,22rem)]"
        style={{ width: "100%", height: "auto" }}
      />
    </div>
  );
}

/** SplashPay's PNG, shown as given (no re-encoding), scaled without smoothing. */
export function ImageQr({ src, label, testId }: { src: string; label: string; testId?: string }) {
  return (
    <div className="inline-block rounded-xl bg-white p-2" data-testid={testId}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from the provider, not an asset */}
      <img
        src={src}
        alt={label}
        width={288}
        height={288}
        className="h-auto w-full max-w-[min(80vw,22rem)] [image-rendering:pixelated]"
      />
    </div>
  );
}
