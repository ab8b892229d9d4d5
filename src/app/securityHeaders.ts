// The protective headers of the built page, in one place: vite.config.ts puts the policy in the
// built index.html and sends every header from `vite preview`; README's nginx snippet repeats them.

/**
 * Content-Security-Policy directives. Scripts, workers and fetches come only from the page's own
 * origin (no inline script, no eval). Styles allow 'unsafe-inline' because antd's CSS-in-JS writes
 * its styles into <style> elements at run time, with content no hash or static nonce can name.
 * Images allow data: (MapLibre's control icons, the favicon) and blob: (the map PNG of the printable
 * report).
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The policy for a <meta http-equiv> tag (frame-ancestors is ignored there, so left out). */
export const CSP_META = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy as a response header: the meta policy plus frame-ancestors 'none' (no framing). */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

/** Every protective header a server of the built page sends (vite preview, the README's nginx). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
