/** The notices pinned to the window's corner. */
export const noticesKy = {
  notices: { read: 'Окудум' },
};
