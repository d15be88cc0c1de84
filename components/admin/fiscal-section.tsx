"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { FiscalOverview } from "@/lib/fiscal-receipt";
import { ADMIN_ROW, AdminSection } from "./admin-section";
import { useAdminRequest } from "./use-admin-request";

/**
 * Fiscal receipts in the back office: the TRA registration, how many receipts wait, were received or were
 * refused, and the latest documents with TRA's code when it refused one. The owner can register the device.
 */
export function FiscalSection({ overview, isOwner }: { overview: FiscalOverview; isOwner: boolean }) {
  const { t } = useI18n();
  const { send, failed, busy } = useAdminRequest();
  const reg = overview.registration;
  return (
    <AdminSection id="fiscal" title={t("fiscal.admin.title")} failed={failed}>
      {reg ? (
        <p data-testid="fiscal-registration">
          {reg.name} · TIN {reg.tin} · {reg.serial} ·{" "}
          {t("fiscal.admin.registered", {
            date: reg.registered_on,
            code: reg.receipt_code,
            next: reg.next_gc,
          })}
        </p>
      ) : (
        <p>{t("fiscal.admin.notRegistered")}</p>
      )}
      {isOwner ? (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void send("POST", "/api/fiscal/registration")}
        >
          {t("fiscal.admin.register")}
        </Button>
      ) : null}
      <p data-testid="fiscal-counts">{t("fiscal.admin.counts", overview.counts)}</p>
      {overview.documents.length === 0 ? <p>{t("fiscal.admin.empty")}</p> : null}
      <ul className="flex flex-col gap-2">
        {overview.documents.map((doc) => (
          <li
            key={`${doc.kind}-${doc.gc ?? doc.znum}`}
            className={`flex flex-wrap justify-between gap-2 ${ADMIN_ROW}`}
            data-status={doc.status}
          >
            <span>
              {doc.kind === "receipt"
                ? t("fiscal.admin.kindReceipt", { number: doc.gc ?? 0 })
                : t("fiscal.admin.kindZ", { day: doc.znum })}{" "}
              · {doc.date} {doc.time}
            </span>
            <span>
              {t(`fiscal.status.${doc.status}`)}
              {doc.status !== "acknowledged" && doc.ack_code !== null && doc.ack_code !== 0
                ? ` · ${t("fiscal.admin.code", { code: doc.ack_code, message: doc.ack_message ?? "" })}`
                : ""}
            </span>
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
