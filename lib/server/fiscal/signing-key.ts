import "server-only";
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import fs from "node:fs";
import forge from "node-forge";

// The key TRA issues as a .pfx (PKCS#12), read with node-forge because Node's crypto cannot open one. The
// password and the key never reach a log or an error message; errors name the setting to fix instead.

export interface SigningKey {
  privateKey: KeyObject;
  certificatePem: string;
  /** The Cert-Serial header: Base64 of the serial as lowercase hex byte pairs separated by spaces. */
  certSerial: string;
}

export class FiscalConfigError extends Error {
  override name = "FiscalConfigError";
}

/** TRA's Cert-Serial text for a certificate serial in hex (a DER sign byte 00 dropped). */
export function certSerialHeader(serialHex: string): string {
  let hex = serialHex.toLowerCase().replace(/[^0-9a-f]/g, "");
  if (hex.length % 2 === 1) hex = `0${hex}`;
  while (hex.startsWith("00") && hex.length > 2) hex = hex.slice(2);
  return Buffer.from(hex.match(/../g)!.join(" ")).toString("base64");
}

export function readPfx(pfx: Buffer, password: string): SigningKey {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString("binary")), password);
  } catch {
    throw new FiscalConfigError(
      "VFD_CERT_PASSWORD / VFD_CERT_PFX_PATH: the certificate cannot be opened (wrong password, or not a .pfx file)",
    );
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)];
  const certBags = bags(forge.pki.oids.certBag!);
  const key = keyBags.find((bag) => bag.key)?.key;
  const cert = certBags.find((bag) => bag.cert)?.cert;
  if (!key || !cert) {
    throw new FiscalConfigError("VFD_CERT_PFX_PATH: the .pfx holds no private key and certificate");
  }
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificatePem: forge.pki.certificateToPem(cert),
    certSerial: certSerialHeader(cert.serialNumber),
  };
}

export function loadPfxFile(file: string, password: string): SigningKey {
  let pfx: Buffer;
  try {
    pfx = fs.readFileSync(file);
  } catch {
    throw new FiscalConfigError(`VFD_CERT_PFX_PATH: cannot read the certificate file ${file}`);
  }
  return readPfx(pfx, password);
}

/** RSA PKCS#1 v1.5 with SHA-1 over the exact UTF-8 bytes of the inner element, Base64. */
export function signInner(inner: string, key: KeyObject): string {
  return sign("sha1", Buffer.from(inner, "utf8"), key).toString("base64");
}

/** The request body: declaration, `<EFDMS>`, the inner element as signed, its signature. */
export function signedEnvelope(inner: string, key: KeyObject): string {
  return `<?xml version="1.0" encoding="UTF-8"?><EFDMS>${inner}<EFDMSSIGNATURE>${signInner(inner, key)}</EFDMSSIGNATURE></EFDMS>`;
}
