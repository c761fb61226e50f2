/** The notices pinned to the window's corner. */
export const noticesRu = {
  notices: { read: 'Прочитано' },
};
