import type { CommandName, InputOf, OutputOf } from './contract';
import type { Result } from './result';

/** What the preload (Electron) or the browser transport gives the renderer: one typed call. */
export interface MoorApi {
  invoke<N extends CommandName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  /** The app's native menu chose an item (a screen id, 'lock' or 'signOut'); returns an unsubscribe. */
  onMenu?(listener: (item: string) => void): () => void;
  /**
   * The desktop's save dialog (Electron only): the file the user chose, or null when they
   * cancelled. The browser mode has none: there the user names a folder.
   */
  chooseSaveFile?(suggestedName: string, format: 'pdf' | 'xlsx' | 'zip'): Promise<string | null>;
  /**
   * The desktop's open dialog (Electron only): a workbook, a bundle or a folder (a backup's, a
   * drive's), or null when the user cancelled. The browser mode has none: there the user types the path.
   */
  chooseOpenPath?(kind: OpenPathKind): Promise<string | null>;
  /**
   * Shows a folder the app wrote into (printed copies, lists) in the desktop's file manager
   * (Electron only); false when main refused it. The browser mode shows the folder's path instead.
   */
  openFolder?(folder: string): Promise<boolean>;
  /**
   * Opens a PDF the app wrote in the PC's PDF program, to print it (Electron only); false when main
   * refused it. The browser mode opens the PDF in a new tab instead, where the browser prints it.
   */
  printPdf?(pdfPath: string): Promise<boolean>;
}

export type OpenPathKind = 'xlsx' | 'json' | 'folder';

/** The channel of the open dialog: main shows it for the app's own window. */
export const OPEN_DIALOG_CHANNEL = 'moor:open-dialog';

/** The channel on which the window asks main to show one of the app's folders. */
export const OPEN_FOLDER_CHANNEL = 'moor:open-folder';

/** The channel on which the window asks main to open one of the app's PDFs for printing. */
export const PRINT_PDF_CHANNEL = 'moor:print-pdf';

/** The channel on which main tells the window which menu item was chosen. */
export const MENU_CHANNEL = 'moor:menu';

/** The channel of the save dialog: main shows it for the app's own window. */
export const SAVE_DIALOG_CHANNEL = 'moor:save-dialog';

/** The IPC channel name, shared by main and preload. */
export const IPC_CHANNEL = 'moor:invoke';
