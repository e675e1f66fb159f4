/**
 * The Content-Security-Policy both transports send: the renderer may load only its own bundled files and
 * talk only to its own origin. No inline scripts, no eval, no plugins, no framing, no foreign images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
