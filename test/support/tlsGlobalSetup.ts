import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest globalSetup: a throwaway self-signed certificate for 127.0.0.1 that the test
 * workers trust, so local HTTPS fakes (FakeGraph) work with clients that insist on https
 * (MSAL refuses an http authority) without any TLS option in production code.
 *
 * Trust reaches the workers through NODE_EXTRA_CA_CERTS: Node reads it only at process
 * start, and vitest forks its workers after globalSetup with a copy of this process's
 * environment, so setting it here is enough. Tests read the key pair through testTls().
 */
export default function setup(): () => void {
  // A second project using this setup in the same run shares the first one's certificate.
  const existing = process.env.SAMVERKAN_TEST_TLS_DIR;
  if (existing && existsSync(join(existing, 'cert.pem'))) return () => {};

  const dir = mkdtempSync(join(tmpdir(), 'samverkan-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert],
      { stdio: 'pipe' },
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`tlsGlobalSetup: could not create a test certificate with the openssl CLI: ${(err as Error).message}`);
  }

  // Keep a CA bundle the user already relies on (e.g. a corporate proxy's) by combining both.
  const previousCa = process.env.NODE_EXTRA_CA_CERTS;
  let caFile = cert;
  if (previousCa) {
    try {
      caFile = join(dir, 'bundle.pem');
      writeFileSync(caFile, `${readFileSync(previousCa, 'utf8').trimEnd()}\n${readFileSync(cert, 'utf8')}`);
    } catch (err) {
      console.warn(`tlsGlobalSetup: could not read NODE_EXTRA_CA_CERTS=${previousCa} (${(err as Error).message}); workers trust only the test certificate`);
      caFile = cert;
    }
  }
  process.env.NODE_EXTRA_CA_CERTS = caFile;
  process.env.SAMVERKAN_TEST_TLS_DIR = dir;

  return () => {
    if (previousCa === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = previousCa;
    delete process.env.SAMVERKAN_TEST_TLS_DIR;
    rmSync(dir, { recursive: true, force: true });
  };
}
