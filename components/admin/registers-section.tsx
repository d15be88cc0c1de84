"use client";

import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";
import { ADMIN_ROW, AdminSection } from "./admin-section";
import { useAdminRequest } from "./use-admin-request";

export interface AdminRegister {
  id: string;
  name: string;
  paired: boolean;
  revoked: boolean;
}

interface Created {
  id: string;
  name: string;
  pairing_code: string;
  pairing_url: string;
  pairing_expires_at: string;
}

/** Registers: add one (its pairing code and a QR of the pairing URL, shown once), rename, revoke. */
export function RegistersSection({ registers }: { registers: AdminRegister[] }) {
  const { t, locale } = useI18n();
  const { send, failed, busy } = useAdminRequest();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const answer = await send<Created>("POST", "/api/registers", { name });
    if (answer) {
      setCreated(answer);
      setName("");
    }
  }

  return (
    <AdminSection id="registers" title={t("admin.registers.title")} failed={failed}>
      <ul className="flex flex-col gap-2">
        {registers.map((register) => (
          <li key={register.id} className={`flex flex-wrap items-end gap-2 ${ADMIN_ROW}`}>
            <p className="w-full font-semibold">
              {register.name} ·{" "}
              {register.revoked
                ? t("admin.registers.revoked")
                : register.paired
                  ? t("admin.registers.paired")
                  : t("admin.registers.waiting")}
            </p>
            {register.revoked ? null : (
              <>
                <TextField
                  id={`rename-${register.id}`}
                  label={t("admin.registers.rename")}
                  value={names[register.id] ?? register.name}
                  onChange={(e) => setNames({ ...names, [register.id]: e.target.value })}
                />
                <Button
                  variant="secondary"
                  disabled={busy || !(names[register.id] ?? "").trim()}
                  onClick={() =>
                    void send("PATCH", `/api/registers/${register.id}`, { name: names[register.id] })
                  }
                >
                  {t("admin.registers.save")}
                </Button>
                <Button
                  variant="danger"
                  disabled={busy}
                  onClick={() => void send("DELETE", `/api/registers/${register.id}`)}
                >
                  {t("admin.registers.revoke")}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField
          id="new-register-name"
          label={t("admin.registers.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" disabled={busy || !name.trim()}>
          {t("admin.registers.add")}
        </Button>
      </form>
      {created ? (
        <div
          className="flex flex-col items-start gap-2 rounded-xl bg-surface-raised p-4 ring-2 ring-brand-500"
          data-testid="pairing"
        >
          <p>{t("admin.registers.pairWith", { name: created.name })}</p>
          <p className="font-mono text-3xl font-bold tracking-widest" data-testid="pairing-code">
            {created.pairing_code}
          </p>
          <div className="rounded-lg bg-white p-3">
            <QRCodeSVG
              value={created.pairing_url}
              size={176}
              marginSize={2}
              title={t("admin.registers.qr")}
            />
          </div>
          <p className="text-sm text-ink-muted">
            {t("admin.registers.expires", { time: formatDateTime(created.pairing_expires_at, locale) })}
          </p>
        </div>
      ) : null}
    </AdminSection>
  );
}
