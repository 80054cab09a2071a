import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { createS3Storage, s3ConfigFromEnv } from './s3-storage';

/**
 * Where photos live: local disk by default (ADUAN_MEDIA_DIR, default .data/media), an
 * S3-compatible bucket when ADUAN_S3_BUCKET is set (see s3-storage.ts). Keys are relative paths
 * such as `2024/01/15/abc123.webp`. Every read and write of a photo goes through this interface.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

export function mediaRoot(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.ADUAN_MEDIA_DIR ?? '.data/media');
}

export function createDiskStorage(root = mediaRoot()): MediaStorage {
  const pathOf = (key: string) => {
    const full = resolve(join(root, key));
    // Keys come from our own code, but never let one escape the media directory.
    if (!full.startsWith(root + sep)) throw new Error(`invalid media key ${key}`);
    return full;
  };
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // write-then-rename: a crash never leaves a half-written photo under its final name
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The storage the environment configures: S3 when ADUAN_S3_BUCKET is set, else local disk. */
export function storageFromEnv(env: Record<string, string | undefined> = process.env): MediaStorage {
  const s3 = s3ConfigFromEnv(env);
  return s3 ? createS3Storage(s3) : createDiskStorage();
}

let storage: MediaStorage | undefined;
export function getStorage(): MediaStorage {
  storage ??= storageFromEnv();
  return storage;
}
