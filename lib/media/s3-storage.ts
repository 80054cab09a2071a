import type { S3Client } from '@aws-sdk/client-s3';
import type { MediaStorage } from './storage';

type Env = Record<string, string | undefined>;

export interface S3StorageConfig {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, Garage, SeaweedFS, Ceph…); unset = AWS itself. */
  endpoint?: string;
  region: string;
  /** Keys are placed under this prefix in the bucket (e.g. `foto/`). */
  prefix: string;
  /** Path-style addresses (`endpoint/bucket/key`), which most self-hosted stores need. */
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The S3 settings from the environment, or null when ADUAN_S3_BUCKET is unset (photos then stay
 * on local disk). Credentials: ADUAN_S3_ACCESS_KEY_ID / ADUAN_S3_SECRET_ACCESS_KEY, otherwise the
 * SDK's own chain (AWS_ACCESS_KEY_ID…, an instance role).
 */
export function s3ConfigFromEnv(env: Env = process.env): S3StorageConfig | null {
  const bucket = env.ADUAN_S3_BUCKET?.trim();
  if (!bucket) return null;
  const endpoint = env.ADUAN_S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.ADUAN_S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.ADUAN_S3_SECRET_ACCESS_KEY?.trim();
  const prefix = (env.ADUAN_S3_PREFIX?.trim() ?? '').replace(/^\/+/, '');
  return {
    bucket,
    endpoint,
    region: env.ADUAN_S3_REGION?.trim() || 'us-east-1',
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    forcePathStyle: env.ADUAN_S3_FORCE_PATH_STYLE ? env.ADUAN_S3_FORCE_PATH_STYLE !== '0' : Boolean(endpoint),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * Photos in an S3-compatible bucket, so that every app instance and worker sees the same files.
 * Objects are written whole by one PUT, so a reader never sees half a photo.
 */
export function createS3Storage(config: S3StorageConfig): MediaStorage {
  // The SDK is loaded on first use: deployments on local disk never pay for it.
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () =>
    (client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
      }),
    })));
  const keyOf = (key: string) => {
    if (!key || key.startsWith('/') || key.split('/').includes('..')) throw new Error(`invalid media key ${key}`);
    return config.prefix + key;
  };
  return {
    async put(key, data) {
      const { s3, sdk } = await connect();
      await s3.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: keyOf(key), Body: data }));
    },
    async get(key) {
      const { s3, sdk } = await connect();
      try {
        const answer = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: keyOf(key) }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      const { s3, sdk } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: keyOf(key) }));
    },
  };
}
