"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PinField } from "@/components/ui/pin-field";
import { ADMIN_ROW, AdminSection } from "./admin-section";
import { useAdminRequest } from "./use-admin-request";

export interface AdminStaff {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

const ROLES = ["cashier", "manager"] as const;

/** Staff: add someone with a role and a PIN; per person change the role, reset the PIN, disable. */
export function StaffSection({
  people,
  canManageManagers,
}: {
  people: AdminStaff[];
  canManageManagers: boolean;
}) {
  const { t } = useI18n();
  const { send, failed, busy } = useAdminRequest();
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("cashier");
  const [pin, setPin] = useState("");
  const [pins, setPins] = useState<Record<string, string>>({});
  const roles = canManageManagers ? ROLES : (["cashier"] as const);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    if (await send("POST", "/api/staff", { name, role, pin })) {
      setName("");
      setPin("");
    }
  }

  return (
    <AdminSection id="staff" title={t("admin.staff.title")} failed={failed}>
      <ul className="flex flex-col gap-2">
        {people.map((person) => {
          const editable = person.role !== "owner" && (canManageManagers || person.role === "cashier");
          return (
            <li key={person.id} data-staff-row={person.name} className={`flex flex-col gap-2 ${ADMIN_ROW}`}>
              <p className="font-semibold">
                {person.name} · {t(`admin.roles.${person.role as "owner" | "manager" | "cashier"}`)}
                {person.active ? "" : ` · ${t("admin.staff.disabled")}`}
              </p>
              {editable ? (
                <div className="flex flex-wrap items-end gap-2">
                  <PinField
                    id={`pin-${person.id}`}
                    label={t("admin.staff.newPin")}
                    autoComplete="new-password"
                    value={pins[person.id] ?? ""}
                    onValue={(value) => setPins({ ...pins, [person.id]: value })}
                    className="w-32"
                  />
                  <Button
                    variant="secondary"
                    disabled={busy || (pins[person.id] ?? "").length < 4}
                    onClick={() => void send("PATCH", `/api/staff/${person.id}`, { pin: pins[person.id] })}
                  >
                    {t("admin.staff.resetPin")}
                  </Button>
                  {canManageManagers ? (
                    <Button
                      variant="ghost"
                      disabled={busy}
                      onClick={() =>
                        void send("PATCH", `/api/staff/${person.id}`, {
                          role: person.role === "cashier" ? "manager" : "cashier",
                        })
                      }
                    >
                      {person.role === "cashier"
                        ? t("admin.staff.makeManager")
                        : t("admin.staff.makeCashier")}
                    </Button>
                  ) : null}
                  <Button
                    variant={person.active ? "danger" : "secondary"}
                    disabled={busy}
                    onClick={() => void send("PATCH", `/api/staff/${person.id}`, { active: !person.active })}
                  >
                    {person.active ? t("admin.staff.disable") : t("admin.staff.enable")}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField
          id="new-staff-name"
          label={t("admin.staff.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          id="new-staff-role"
          label={t("admin.staff.role")}
          value={role}
          onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <PinField
          id="new-staff-pin"
          label={t("admin.staff.pin")}
          autoComplete="new-password"
          value={pin}
          onValue={setPin}
          className="w-32"
        />
        <Button type="submit" disabled={busy || !name.trim() || pin.length < 4}>
          {t("admin.staff.add")}
        </Button>
      </form>
    </AdminSection>
  );
}
