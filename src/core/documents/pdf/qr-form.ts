import QRCode from 'qrcode';

/**
 * The QR code as PDF drawing operators in a unit square (module runs merged into one rectangle
 * each, filled in one go): drawn once per document as a form XObject and placed on every page.
 */
export function qrOperators(text: string): { operators: string; modules: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let runStart = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && qr.modules.get(row, col) === 1;
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        parts.push(`${runStart} ${size - row - 1} ${col - runStart} 1 re`);
        runStart = -1;
      }
    }
  }
  return { operators: `0 g\n${parts.join('\n')}\nf`, modules: size };
}
