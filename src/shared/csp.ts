/**
 * The renderer's Content Security Policy, the same in the app and in the browser mode:
 * only the app's own scripts, fonts and data; inline styles are allowed because the component
 * library sets CSS variables through style attributes, inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
