"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { CreateState } from "./use-create-payment";

// What the screen says while an attempt is being started and when it could not be: a decline is a
// decline (not an error), an unreachable provider is retried with the same key, and nothing is charged.

export function CreateStatus({
  state,
  providerName,
  onRetry,
  onChangeMethod,
}: {
  state: CreateState;
  providerName: string;
  onRetry: () => void;
  onChangeMethod?: () => void;
}) {
  const { t } = useI18n();
  switch (state.kind) {
    case "retrying":
      return (
        <p role="status" className="rounded-lg bg-warning/10 p-3 font-medium" data-testid="create-retrying">
          {t("create.unavailable", { provider: providerName })}
        </p>
      );
    case "unavailable":
      return (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-lg bg-warning/10 p-3"
          data-testid="create-unavailable"
        >
          <p className="font-medium">{t("create.unavailableGaveUp", { provider: providerName })}</p>
          <Button onClick={onRetry}>{t("create.retry")}</Button>
        </div>
      );
    case "declined":
      return (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-lg bg-danger/10 p-3"
          data-testid="create-declined"
        >
          <p className="text-lg font-semibold">{t("outcome.declinedTitle")}</p>
          <p>{t("outcome.declinedReason")}</p>
          {onChangeMethod ? (
            <Button variant="secondary" onClick={onChangeMethod}>
              {t("outcome.changeMethod")}
            </Button>
          ) : null}
        </div>
      );
    case "duplicate-reference":
      return (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium text-danger">
          {t("create.duplicateReference")}
        </p>
      );
    case "signed-out":
      return (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium">
          {t("create.signedOut")}{" "}
          <Link href="/sign-in" className="underline">
            {t("signIn.submit")}
          </Link>
        </p>
      );
    case "closed":
      return (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium" data-testid="create-closed">
          {t("create.closed")}
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium text-danger">
          {t("create.failed")}
        </p>
      );
    case "invalid":
      return (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium text-danger">
          {t("details.fixFields")}
        </p>
      );
    default:
      return null;
  }
}
