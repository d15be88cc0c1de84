"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** One back-office section: its heading, its content and, after a refused call, the failure in words. */
export function AdminSection({
  id,
  title,
  failed,
  children,
}: {
  id: string;
  title: string;
  failed: boolean;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3" data-testid={`admin-${id}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
      {failed ? (
        <p role="alert" className="font-medium text-danger">
          {t("admin.failed")}
        </p>
      ) : null}
    </section>
  );
}

/** A row of a back-office list. */
export const ADMIN_ROW = "rounded-xl bg-surface-raised p-3 ring-1 ring-ink-muted/20";
