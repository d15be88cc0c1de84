"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSignInPost } from "./use-sign-in-post";

/** Pairs this device as a register with a code from the back office (or, in the sandbox, in one tap). */
export function PairDevice({ initialCode, sandbox }: { initialCode: string; sandbox: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const hydrated = useHydrated();
  const [code, setCode] = useState(initialCode);
  const { post, problem, busy } = useSignInPost({ 401: "signIn.wrongPairCode", 429: "signIn.rateLimited" });

  async function pair(body: unknown) {
    if (await post("/api/registers/pair", body)) {
      router.replace("/sign-in");
      router.refresh();
    }
  }

  return (
    <div
      className="flex flex-col gap-3"
      data-testid="pair-device"
      data-hydrated={hydrated ? "true" : undefined}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void pair({ code });
        }}
        className="flex flex-col gap-3"
        noValidate
      >
        <TextField
          id="pairing-code"
          label={t("signIn.pairCode")}
          autoCapitalize="characters"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={problem ? t(problem.key) : undefined}
        />
        <Button type="submit" disabled={busy || code.trim() === ""}>
          {t("signIn.pairSubmit")}
        </Button>
      </form>
      {sandbox ? (
        <div className="flex flex-col gap-1">
          <Button
            variant="secondary"
            data-testid="demo-pair"
            disabled={busy}
            onClick={() => void pair({ demo: true })}
          >
            {t("signIn.demoPair")}
          </Button>
          <p className="text-sm text-ink-muted">{t("signIn.demoHint")}</p>
        </div>
      ) : null}
    </div>
  );
}
