import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key pair made by tlsGlobalSetup for local HTTPS fakes. The worker already trusts the
 * certificate (NODE_EXTRA_CA_CERTS), so clients need no TLS options.
 */
export function testTls(): { cert: string; key: string } {
  const dir = process.env.SAMVERKAN_TEST_TLS_DIR;
  if (!dir) {
    throw new Error(
      'SAMVERKAN_TEST_TLS_DIR is not set: the test TLS certificate is made by test/support/tlsGlobalSetup.ts. ' +
        "Run this test through vitest's integration project (e.g. `vitest run --project integration <file>`), " +
        'or add the globalSetup to the project that runs it.',
    );
  }
  return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
}
