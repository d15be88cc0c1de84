"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { MessageKey } from "@/lib/i18n";

export function SignInForm({ next }: { next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<MessageKey | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
      });
      if (response.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      setError(
        response.status === 429
          ? "signIn.rateLimited"
          : response.status === 401 || response.status === 400
            ? "signIn.wrongCode"
            : "signIn.failed",
      );
    } catch {
      setError("signIn.failed");
    }
    setSubmitting(false);
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4"
      noValidate
      data-hydrated={hydrated ? "true" : undefined}
    >
      <TextField
        id="access-code"
        label={t("signIn.code")}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        required
        error={error ? t(error) : undefined}
      />
      <Button type="submit" disabled={submitting || code.trim() === ""}>
        {submitting ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
