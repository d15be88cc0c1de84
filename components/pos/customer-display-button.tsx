"use client";

import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LazyPayloadQr } from "@/components/payment/lazy-qr";
import { Button } from "@/components/ui/button";
import type { CustomerDisplay } from "@/lib/customer-display-contract";
import { formatDateTime } from "@/lib/format";
import { wireList, wireObject } from "@/lib/wire-read";

// *Customer display* in the register's header (docs/ux.md "Customer-facing display"): a QR that links a
// second screen facing the customer to this register, and the displays already linked, each of which the
// register can disconnect (the back office can too). The QR's address is shown once and never stored.

export function CustomerDisplayButton() {
  const { t, locale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [linked, setLinked] = useState<CustomerDisplay[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function call(method: string, path: string): Promise<unknown> {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(path, { method });
      if (!response.ok) throw new Error(String(response.status));
      return await response.json();
    } catch {
      setFailed(true);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function refresh() {
    const list = wireList<CustomerDisplay>(await call("GET", "/api/customer-displays"), [
      "id",
      "register_name",
    ]);
    if (list) setLinked(list);
  }

  async function newQr() {
    const created = wireObject<{ url: string }>(await call("POST", "/api/customer-displays"), ["id", "url"]);
    if (!created) return;
    setUrl(created.url);
    await refresh();
  }

  async function revoke(id: string) {
    await call("DELETE", `/api/customer-displays/${id}`);
    await refresh();
  }

  return (
    <>
      <Button
        variant="ghost"
        data-testid="customer-display-open"
        onClick={() => {
          setUrl(null);
          dialog.current?.showModal();
          void refresh();
        }}
      >
        {t("display.button")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="customer-display-title"
        className="m-auto w-[min(32rem,92vw)] rounded-2xl bg-surface p-5 text-ink backdrop:bg-black/50"
        data-testid="customer-display-dialog"
      >
        <div className="flex flex-col items-center gap-4 text-center">
          <h2 id="customer-display-title" className="text-2xl font-bold">
            {t("display.title")}
          </h2>
          <p>{t("display.intro")}</p>
          {url ? (
            <div data-testid="customer-display-qr-wrap" data-url={url}>
              <LazyPayloadQr value={url} label={t("display.qrAlt")} size={240} testId="customer-display-qr" />
            </div>
          ) : null}
          <Button onClick={() => void newQr()} disabled={busy} data-testid="customer-display-new">
            {busy ? t("display.creating") : t("display.newQr")}
          </Button>
          {failed ? (
            <p role="alert" className="font-medium text-danger">
              {t("display.failed")}
            </p>
          ) : null}
          <section aria-labelledby="customer-display-linked" className="flex w-full flex-col gap-2">
            <h3 id="customer-display-linked" className="font-semibold">
              {t("display.linked")}
            </h3>
            {linked.length === 0 ? <p className="text-ink-muted">{t("display.none")}</p> : null}
            <ul className="flex flex-col gap-2">
              {linked.map((display) => (
                <li key={display.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>{t("display.linkedAt", { time: formatDateTime(display.created_at, locale) })}</span>
                  <Button variant="secondary" disabled={busy} onClick={() => void revoke(display.id)}>
                    {t("display.revoke")}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <Button
            variant="secondary"
            data-testid="customer-display-close"
            onClick={() => dialog.current?.close()}
          >
            {t("display.close")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
