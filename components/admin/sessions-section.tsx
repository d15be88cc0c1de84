"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { ADMIN_ROW, AdminSection } from "./admin-section";
import { useAdminRequest } from "./use-admin-request";

export interface AdminSession {
  id: string;
  staff: { name: string };
  register: { name: string };
  created_at: string;
}

/** Who is signed in where; ending a session signs that person out on every instance at once. */
export function SessionsSection({ sessions, own }: { sessions: AdminSession[]; own: string }) {
  const { t, locale } = useI18n();
  const { send, failed, busy } = useAdminRequest();
  return (
    <AdminSection id="sessions" title={t("admin.sessions.title")} failed={failed}>
      <ul className="flex flex-col gap-2">
        {sessions.map((session) => (
          <li key={session.id} className={`flex flex-wrap items-center justify-between gap-2 ${ADMIN_ROW}`}>
            <span>
              {session.staff.name} · {session.register.name} · {formatDateTime(session.created_at, locale)}
            </span>
            {session.id === own ? (
              <span className="text-sm text-ink-muted">{t("admin.sessions.you")}</span>
            ) : (
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => void send("DELETE", `/api/sessions/${session.id}`)}
              >
                {t("admin.sessions.end")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
