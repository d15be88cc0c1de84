import "server-only";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import forge from "node-forge";

// Sandbox mode needs a device certificate as TRA would issue one. It is made at first start into DATA_DIR
// (never committed): a fresh RSA key and a self-signed certificate in a password-protected .pfx, with the
// password beside it. The simulator learns the certificate from the same file.

export interface SandboxCertificate {
  pfxPath: string;
  password: string;
}

/** Builds a .pfx with a new key and a self-signed certificate; `serialHex` lets tests pick the serial. */
export function makeTestPfx(password: string, commonName: string, serialHex?: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = serialHex ?? `5f${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const attrs = [{ name: "commonName", value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, cert, password, { algorithm: "3des" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/** The sandbox device's .pfx and password, made once per DATA_DIR. */
export function ensureSandboxCertificate(pfxPath: string, certKey: string): SandboxCertificate {
  const passwordFile = path.join(path.dirname(pfxPath), "sandbox-vfd-password.txt");
  if (fs.existsSync(pfxPath) && fs.existsSync(passwordFile)) {
    return { pfxPath, password: fs.readFileSync(passwordFile, "utf8").trim() };
  }
  const password = randomBytes(12).toString("base64url");
  fs.mkdirSync(path.dirname(pfxPath), { recursive: true });
  fs.writeFileSync(pfxPath, makeTestPfx(password, `Malipo sandbox VFD ${certKey}`), { mode: 0o600 });
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  return { pfxPath, password };
}
