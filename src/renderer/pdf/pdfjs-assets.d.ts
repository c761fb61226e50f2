/** Vite's `?url` import: the worker file is copied into the build and its address answered. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
