import { createRequire } from 'node:module';

/**
 * OpenCV (the WebAssembly build of @techstark/opencv-js): a 13 MB module that takes about a second
 * to start, so it is loaded once, on the first photo that needs a keypoint check, and shared.
 */

// The package ships no usable type declarations; the few calls made are typed loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cv = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CvMat = any;

// Wrapped in an object: the module itself has a then() that resolves to itself, so a promise of it
// never settles.
let loading: Promise<{ cv: Cv }> | null = null;

/** Resolves to `{ cv }`, never to the module itself (see above). */
export function openCv(): Promise<{ cv: Cv }> {
  loading ??= (async () => {
    // required, not imported: an import's namespace is itself thenable under some loaders (Vitest's
    // interop forwards then() to the module), and awaiting it never ends
    const cv: Cv = createRequire(import.meta.url)('@techstark/opencv-js');
    // the module is an Emscripten instance: ready once its runtime is initialised
    if (!cv.Mat) await new Promise<void>((resolve) => (cv.onRuntimeInitialized = () => resolve()));
    return { cv };
  })();
  // a failed start is not kept: the next check tries again
  loading.catch(() => (loading = null));
  return loading;
}
