// exifr's lite build (JPEG and HEIC, no PNG or XMP parsers): a third of the full build's size
declare module 'exifr/dist/lite.esm.mjs' {
  export * from 'exifr';
  export { default } from 'exifr';
}
