import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, SECURITY_HEADERS } from '../../src/app/securityHeaders';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('security headers', () => {
  it('allow scripts, workers and fetches from the page own origin only, and no inline script or eval', () => {
    const directives = Object.fromEntries(CSP_HEADER.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    expect(directives).toMatchObject({ 'script-src': "'self'", 'worker-src': "'self'", 'connect-src': "'self'", 'object-src': "'none'", 'frame-ancestors': "'none'" });
    expect(CSP_HEADER).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'none'`);
  });

  it('are the ones the README tells an nginx host to send', () => {
    expect(SECURITY_HEADERS).toEqual({ 'Content-Security-Policy': CSP_HEADER, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(readme).toContain(`add_header ${name} "${value}" always;`);
  });
});
