"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PinField } from "@/components/ui/pin-field";
import { refundSchema, type Payment, type Refund } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { REFUND_NOTE_MAX, REFUND_REASONS, type RefundReason } from "@/lib/refund-schema";
import { remainingAmount } from "./refund-balance";
import { refundErrorKey } from "./refund-error";

// The refund form in a modal dialog (docs/ux.md "The merchant's day"): amount (all that is left by
// default), reason, note, and — when a cashier is signed in — a manager's name and PIN on the spot. One
// Idempotency-Key per refund, kept while the same refund is retried, so a retry never gives back twice.

export interface Approver {
  id: string;
  name: string;
}

export function RefundDialog({
  payment,
  approvers,
  needsApproval,
  open,
  onClose,
  onRefunded,
}: {
  payment: Payment;
  approvers: Approver[];
  needsApproval: boolean;
  open: boolean;
  onClose: () => void;
  onRefunded: (refund: Refund) => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [amount, setAmount] = useState(() => remainingAmount(payment));
  const [reason, setReason] = useState<RefundReason>("customer_request");
  const [note, setNote] = useState("");
  const [approver, setApprover] = useState(approvers[0]?.id ?? "");
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setAmount(remainingAmount(payment));
      setError(null);
      setPin("");
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, payment]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const sale = { amount: amount.trim(), reason, ...(note.trim() ? { note: note.trim() } : {}) };
    const body = JSON.stringify(sale);
    // The same refund retried keeps its key; a changed one is a new refund with a new key.
    if (!attempt.current || attempt.current.body !== body)
      attempt.current = { key: newIdempotencyKey(), body };
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/payments/${payment.id}/refunds`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": attempt.current.key },
        body: JSON.stringify({
          ...sale,
          ...(needsApproval ? { approval: { staff_id: approver, pin } } : {}),
        }),
      });
      if (response.ok) {
        attempt.current = null;
        onRefunded(refundSchema.parse(await response.json()));
        return;
      }
      const code = ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)?.error
        ?.code;
      // Only "not answering" may be retried with the same key; any other answer is final for it.
      if (code !== "PROVIDER_UNAVAILABLE") attempt.current = null;
      setError(t(refundErrorKey(response.status, code)));
    } catch {
      setError(t("refund.errors.unavailable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="w-full max-w-md rounded-2xl bg-surface-raised p-0 text-ink backdrop:bg-black/50"
      data-testid="refund-dialog"
    >
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4 p-5 text-left" noValidate>
        <h2 id={`${id}-title`} className="text-2xl font-bold">
          {t("refund.dialogTitle")}
        </h2>
        <p>
          {t("refund.remaining", {
            amount: formatAmount(remainingAmount(payment), payment.currency, locale),
          })}
        </p>
        <TextField
          id={`${id}-amount`}
          label={`${t("refund.amount")} (${payment.currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="refund-amount"
          required
        />
        <SelectField
          id={`${id}-reason`}
          label={t("refund.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value as RefundReason)}
          data-testid="refund-reason"
        >
          {REFUND_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`refund.reasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-note`}
          label={t("refund.note")}
          maxLength={REFUND_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {needsApproval ? (
          <fieldset className="flex flex-col gap-3 rounded-xl border border-ink-muted/30 p-3">
            <legend className="px-1 font-semibold">{t("refund.approvalTitle")}</legend>
            <p className="text-sm text-ink-muted">{t("refund.approvalHint")}</p>
            <SelectField
              id={`${id}-approver`}
              label={t("refund.approver")}
              value={approver}
              onChange={(e) => setApprover(e.target.value)}
              data-testid="refund-approver"
            >
              {approvers.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <PinField
              id={`${id}-pin`}
              label={t("refund.approverPin")}
              autoComplete="off"
              value={pin}
              onValue={setPin}
              data-testid="refund-pin"
            />
          </fieldset>
        ) : null}
        {error ? (
          <p role="alert" className="font-medium text-danger" data-testid="refund-error">
            {error}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            {t("refund.close")}
          </Button>
          <Button type="submit" variant="danger" disabled={busy} data-testid="refund-submit">
            {busy ? t("refund.submitting") : t("refund.submit")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
