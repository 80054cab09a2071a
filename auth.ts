import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { checkCredentials } from '@/lib/auth/check-credentials';
import { deviceIdOf, keepSignedInDevice } from '@/lib/auth/device-cookie';
import { askForCodeIfEnrolled, signInWithCode } from '@/lib/auth/second-step';
import { serverSecret } from '@/lib/security/secret';
import { clientAddressFrom } from '@/lib/server/request';

class WrongCredentials extends CredentialsSignin {
  code = 'salah';
}
class AccountLocked extends CredentialsSignin {
  code = 'terkunci';
}
class TooManyAttempts extends CredentialsSignin {
  code = 'terlalu_sering';
}

// Sessions are stateless JWTs (any app instance serves any official); the account is
// re-read from the database on every request, so a disabled account stops at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: process.env.AUTH_SECRET ?? serverSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 3600 },
  pages: { signIn: '/masuk' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 200) : '';
        const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 200) : '';
        const ip = request?.headers ? clientAddressFrom(request.headers) : null;
        const deviceId = deviceIdOf(request?.headers);
        // the second step posts only the code; the password step's signed note is in a cookie
        if (typeof credentials?.code === 'string' && credentials.code) return signInWithCode(getDb(), request?.headers, credentials.code, ip, deviceId);
        const result = await checkCredentials(getDb(), email, password, new Date(), ip, { deviceId });
        if (!result.ok) {
          throw result.code === 'terkunci' ? new AccountLocked() : result.code === 'terlalu_sering' ? new TooManyAttempts() : new WrongCredentials();
        }
        // an account with a second factor gets no session here, only the note for the code step
        await askForCodeIfEnrolled(getDb(), result.userId, ip);
        // only a complete sign-in makes this browser a known device (failures elsewhere never lock it)
        await keepSignedInDevice(getDb(), result.userId, deviceId, new Date());
        // the session carries the account's session version: a later bump ends it (lib/auth/session.ts)
        return { id: String(result.userId), sessionVersion: result.sessionVersion } as { id: string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number | undefined, sv: token.sv as number | undefined };
    },
  },
});
