import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  /** The variables that point the portal at this store. */
  env: Record<string, string>;
  endpoint: string;
  bucket: string;
  stop: () => Promise<void>;
}

/**
 * A local S3-compatible server (s3rver, files in a temporary folder) with one empty bucket, for
 * tests of the S3 path. Port 0 picks a free port.
 */
export async function startLocalS3({ port = 0, bucket = 'aduan-foto' } = {}): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'aduan-s3-'));
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      ADUAN_S3_BUCKET: bucket,
      ADUAN_S3_ENDPOINT: endpoint,
      ADUAN_S3_ACCESS_KEY_ID: 'S3RVER',
      ADUAN_S3_SECRET_ACCESS_KEY: 'S3RVER',
      ADUAN_S3_REGION: 'us-east-1',
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
