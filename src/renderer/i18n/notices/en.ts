/** The notices pinned to the window's corner. */
export const noticesEn = {
  notices: { read: 'Got it' },
};
