import { sealingKey } from '@/lib/security/sealed';

/** The keys of multi-factor sign-in, each derived from the server secret for its own purpose. */
export interface MfaKeys {
  /** Encrypts TOTP secrets at rest. */
  totp: Buffer;
  /** Keys the hashes of recovery codes. */
  recovery: Buffer;
  /** Signs the note between the password step and the code step. */
  ticket: Buffer;
}

let cached: MfaKeys | undefined;

export function mfaKeys(): MfaKeys {
  cached ??= { totp: sealingKey('totp-secret'), recovery: sealingKey('kode-pemulihan'), ticket: sealingKey('tiket-masuk') };
  return cached;
}

/** The TOTP secret is sealed for one account: copied into another row it does not open. */
export const totpContext = (userId: number) => `user:${userId}:totp`;
