"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { CustomerDisplay } from "@/lib/customer-display-contract";
import { formatDateTime } from "@/lib/format";
import { ADMIN_ROW, AdminSection } from "./admin-section";
import { useAdminRequest } from "./use-admin-request";

/** Every register's linked customer displays; Disconnect ends one at once, on every instance. */
export function CustomerDisplaysSection({ displays }: { displays: CustomerDisplay[] }) {
  const { t, locale } = useI18n();
  const { send, failed, busy } = useAdminRequest();
  return (
    <AdminSection id="customer-displays" title={t("display.sectionTitle")} failed={failed}>
      {displays.length === 0 ? <p className="text-ink-muted">{t("display.none")}</p> : null}
      <ul className="flex flex-col gap-2">
        {displays.map((display) => (
          <li key={display.id} className={`flex flex-wrap items-center justify-between gap-2 ${ADMIN_ROW}`}>
            <span>
              {display.register_name} ·{" "}
              {t("display.linkedAt", { time: formatDateTime(display.created_at, locale) })}
            </span>
            <Button
              variant="secondary"
              disabled={busy}
              data-testid={`revoke-display-${display.id}`}
              onClick={() => void send("DELETE", `/api/customer-displays/${display.id}`)}
            >
              {t("display.revoke")}
            </Button>
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
