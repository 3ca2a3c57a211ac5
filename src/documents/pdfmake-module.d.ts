// pdfmake ships no types; its API as this app uses it is typed in ./pdfmake.ts. An ambient
// module cannot `import type` from a relative path, hence the import() type.
declare module 'pdfmake' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const pdfmake: import('./pdfmake').PdfMake;
  export default pdfmake;
}
