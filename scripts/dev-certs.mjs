// Development HTTPS certificates: a local CA and a localhost certificate it signs, generated once into
// the git-ignored .certs/ folder and reused while valid. Nothing is installed into any trust store and
// nothing runs as root; to make browsers and Office trust the server, trust .certs/ca.crt by hand
// (see the README).
// Run directly (node scripts/dev-certs.mjs) to create the files and print where the CA is.
import { X509Certificate, createPrivateKey } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the certificates live (project-local, git-ignored). */
export const certDir = join(root, ".certs");
export const caPath = join(certDir, "ca.crt");
export const certPath = join(certDir, "localhost.crt");
export const keyPath = join(certDir, "localhost.key");

const validDays = 365;
// regenerate a little before expiry, so a long dev session never meets an expired certificate
const renewWithinMs = 7 * 24 * 60 * 60 * 1000;

/** Returns why the stored certificates cannot be reused, or null when they are fine. */
function problemWithStored() {
  if (![caPath, certPath, keyPath].every((file) => existsSync(file))) return "not generated yet";
  try {
    const ca = new X509Certificate(readFileSync(caPath));
    const cert = new X509Certificate(readFileSync(certPath));
    const now = Date.now();
    for (const c of [ca, cert]) {
      if (Date.parse(c.validTo) - now < renewWithinMs) return "expired or about to expire";
      if (Date.parse(c.validFrom) > now) return "not valid yet";
    }
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "not signed by the stored CA";
    if (!cert.checkHost("localhost")) return "not issued for localhost";
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(keyPath)))) {
      return "key does not match the certificate";
    }
    return null;
  } catch (error) {
    return `unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Makes sure valid development certificates exist in .certs/ (generating them when missing, expired or
 * broken) and returns them as options for an https server: { key, cert, ca }.
 */
export async function getDevCertificates({ quiet = false } = {}) {
  const problem = problemWithStored();
  if (problem !== null) {
    const { generateCertificates } = require("office-addin-dev-certs");
    if (!quiet) console.log(`Development certificates ${problem}: generating them in ${certDir}`);
    // generateCertificates keeps an existing CA file, so clear all three to keep them a matching set
    for (const file of [caPath, certPath, keyPath]) rmSync(file, { force: true });
    mkdirSync(certDir, { recursive: true });
    await generateCertificates(caPath, certPath, keyPath, validDays, ["localhost", "127.0.0.1"]);
    chmodSync(keyPath, 0o600); // the private key is for this user only
  }
  if (!quiet) {
    console.log(
      `HTTPS certificate authority (trust it by hand to avoid browser warnings): ${caPath}`
    );
  }
  return {
    key: readFileSync(keyPath),
    cert: readFileSync(certPath),
    ca: readFileSync(caPath),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await getDevCertificates();
}
