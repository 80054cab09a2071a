import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { checkCredentials } from '@/lib/auth/check-credentials';
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
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === 'string' ? credentials.email.slice(0, 200) : '';
        const password = typeof credentials?.password === 'string' ? credentials.password.slice(0, 200) : '';
        const ip = request?.headers ? clientAddressFrom(request.headers) : null;
        const result = await checkCredentials(getDb(), email, password, new Date(), ip);
        if (!result.ok) {
          throw result.code === 'terkunci' ? new AccountLocked() : result.code === 'terlalu_sering' ? new TooManyAttempts() : new WrongCredentials();
        }
        return { id: String(result.userId) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number | undefined };
    },
  },
});
