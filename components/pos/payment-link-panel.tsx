"use client";

import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CopyLinkButton } from "@/components/payment/copy-link-button";
import { LazyQrCodeSvg } from "@/components/payment/lazy-qr";
import { SendLinks } from "@/components/payment/send-links";
import type { CheckoutSession } from "@/lib/api-contract";
import { formatAmount, formatDateTime } from "@/lib/format";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { readWire } from "@/lib/wire-read";

// A payment link from the register: a checkout session the customer opens on their own phone. The
// session fixes amount, currency and reference; the shopper page can only choose how to pay.

export function PaymentLinkPanel({
  amount,
  currency,
  reference,
  merchantName,
  onDone,
}: {
  amount: string;
  currency: string;
  reference: string;
  merchantName: string;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const [session, setSession] = useState<CheckoutSession | null>(null);
  const [state, setState] = useState<"idle" | "creating" | "failed">("idle");
  // One key for this link: a double tap or a retry after a lost answer returns the same session.
  const key = useRef(newIdempotencyKey());
  const display = formatAmount(amount, currency, locale);

  async function create() {
    if (state === "creating") return;
    setState("creating");
    const origin = window.location.origin;
    try {
      const response = await fetch("/api/checkout-sessions", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": key.current },
        body: JSON.stringify({
          amount,
          currency,
          reference:
            reference.replace(/[^A-Za-z0-9._\-/]/g, "-").slice(0, 40) ||
            `LINK-${Date.now().toString(36).toUpperCase()}`,
          success_url: `${origin}/checkout/thanks`,
          cancel_url: `${origin}/checkout/thanks?cancelled=1`,
        }),
      });
      if (!response.ok) throw new Error(String(response.status));
      setSession(
        readWire<CheckoutSession>(await response.json(), ["id", "url", "status"], "checkout session"),
      );
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  const text = session
    ? t("link.shareText", { amount: display, merchant: merchantName, url: session.url })
    : "";
  return (
    <section aria-labelledby="link-title" className="mx-auto flex max-w-md flex-col gap-4">
      <h1 id="link-title" className="text-2xl font-bold">
        {t("link.title")}
      </h1>
      <p className="text-3xl font-bold">{display}</p>
      <p className="text-ink-muted">{t("link.intro")}</p>
      {!session ? (
        <>
          {state === "failed" ? (
            <p role="alert" className="font-medium text-danger">
              {t("link.failed")}
            </p>
          ) : null}
          <Button onClick={create} disabled={state === "creating"} data-testid="create-link">
            {state === "creating" ? t("link.creating") : t("link.create")}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            {t("details.back")}
          </Button>
        </>
      ) : (
        <>
          <div className="self-center rounded-xl bg-white p-3">
            <LazyQrCodeSvg
              value={session.url}
              size={220}
              marginSize={4}
              role="img"
              aria-label={t("link.qrAlt")}
            />
          </div>
          <p className="break-all rounded-lg bg-surface-raised p-3 font-mono text-sm" data-testid="link-url">
            {session.url}
          </p>
          <p className="text-sm text-ink-muted">
            {t("link.expires", { time: formatDateTime(session.expires_at, locale) })}
          </p>
          <div className="grid gap-2 sm:grid-cols-2">
            {typeof navigator !== "undefined" && "share" in navigator ? (
              <Button
                onClick={() =>
                  navigator.share({ title: merchantName, text, url: session.url }).catch(() => undefined)
                }
              >
                {t("link.share")}
              </Button>
            ) : null}
            <CopyLinkButton url={session.url} label="link.copy" done="link.copied" />
            <SendLinks text={text} />
          </div>
          <Button variant="secondary" onClick={onDone}>
            {t("link.done")}
          </Button>
        </>
      )}
    </section>
  );
}
