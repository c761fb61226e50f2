/** The scheme and host the app's own pages are served from (see protocol.ts). */
export const APP_ORIGIN = 'app://moor';

/**
 * IPC is answered only for the app's own top-level pages: a frame of another origin (or a page
 * navigated away, were that ever allowed) gets nothing.
 */
export function isOwnSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
