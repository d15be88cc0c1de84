"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { LOGO_TYPES, MAX_LOGO_BYTES, sniffLogoType } from "@/lib/image-type";
import type { MessageKey } from "@/lib/i18n";
import { AdminSection } from "./admin-section";

/**
 * The shop's logo and colour in the back office (README "Branding"). The owner uploads a logo (the file's
 * bytes are the request body) or removes it; everyone here sees what shoppers see. The same checks run
 * here first so the owner reads the reason in their language at once; the server checks again and is
 * the one that counts.
 */

export interface BrandingOverview {
  /** The logo shoppers see now, and whether it is the uploaded one or MERCHANT_LOGO_URL's. */
  logoUrl: string | null;
  uploaded: boolean;
  color: string | null;
}

const PROBLEMS: Record<number, MessageKey> = {
  403: "admin.branding.ownerOnly",
  413: "admin.branding.tooLarge",
  415: "admin.branding.wrongType",
};

export function BrandingSection({ overview, isOwner }: { overview: BrandingOverview; isOwner: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send(method: "PUT" | "DELETE", body?: ArrayBuffer) {
    setBusy(true);
    setFailed(false);
    setProblem(null);
    try {
      const response = await fetch("/api/brand/logo", { method, body });
      if (response.ok) {
        setFile(null);
        router.refresh();
      } else if (PROBLEMS[response.status]) setProblem(PROBLEMS[response.status]!);
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  async function upload() {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) return setProblem("admin.branding.tooLarge");
    const bytes = await file.arrayBuffer();
    if (!sniffLogoType(new Uint8Array(bytes))) return setProblem("admin.branding.wrongType");
    await send("PUT", bytes);
  }

  return (
    <AdminSection id="branding" title={t("admin.branding.title")} failed={failed}>
      {overview.logoUrl ? (
        <div className="flex flex-col gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- the shop's own image, shown as shoppers get it */}
          <img
            src={overview.logoUrl}
            alt={t("admin.branding.logoAlt")}
            data-testid="branding-logo"
            className="h-12 w-auto max-w-full self-start object-contain"
          />
          <p>{t(overview.uploaded ? "admin.branding.current" : "admin.branding.fromSettings")}</p>
        </div>
      ) : (
        <p>{t("admin.branding.none")}</p>
      )}
      <p className="flex items-center gap-2" data-testid="branding-color">
        {overview.color ? (
          <span
            aria-hidden="true"
            className="inline-block size-5 rounded ring-1 ring-ink-muted/40"
            style={{ backgroundColor: overview.color }}
          />
        ) : null}
        {overview.color ? t("admin.branding.color", { color: overview.color }) : t("admin.branding.noColor")}
      </p>
      <p className="text-sm text-ink-muted">{t("admin.branding.colorHint")}</p>
      {isOwner ? (
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={fileId} className="flex flex-col gap-1">
            <span>{t("admin.branding.file")}</span>
            <input
              id={fileId}
              type="file"
              accept={LOGO_TYPES.join(",")}
              data-testid="branding-file"
              onChange={(event) => {
                setProblem(null);
                setFile(event.target.files?.[0] ?? null);
              }}
            />
          </label>
          <Button disabled={busy || !file} onClick={() => void upload()} data-testid="branding-upload">
            {t("admin.branding.upload")}
          </Button>
          {overview.uploaded ? (
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void send("DELETE")}
              data-testid="branding-remove"
            >
              {t("admin.branding.remove")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="font-medium text-danger" data-testid="branding-problem">
          {t(problem)}
        </p>
      ) : null}
    </AdminSection>
  );
}
