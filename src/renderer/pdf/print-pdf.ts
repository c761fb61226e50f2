import { api, call, CommandError } from '../api/client';
import { pdfBytes } from './pdf-bytes';

/**
 * Opens a PDF the app wrote so that it can be sent to the printer: in the desktop app, in the PC's
 * PDF program; in a browser, in a new tab, where the browser's print button prints it.
 */
export async function openForPrinting(pdfPath: string): Promise<void> {
  if (api.printPdf) {
    if (!(await api.printPdf(pdfPath))) {
      throw new CommandError('DOCUMENT_NOT_PRINTABLE', `${pdfPath} could not be opened for printing.`);
    }
    return;
  }
  // The tab is opened while the click still counts as the person's: one opened after the answer
  // arrives may be blocked as a pop-up.
  const tab = window.open('', '_blank');
  try {
    const { base64 } = await call('documents.printable', { pdfPath });
    const url = URL.createObjectURL(new Blob([pdfBytes(base64)], { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else window.open(url, '_blank');
  } catch (error) {
    tab?.close();
    throw error;
  }
}
