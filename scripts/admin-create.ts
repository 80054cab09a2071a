import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { ACCOUNT_MESSAGE, AccountError } from '@/lib/staff/accounts';
import { createAdmin } from '@/lib/staff/create-admin';

// npm run admin:create -- admin@example.go.id "Full Name"
const [email, name] = process.argv.slice(2).filter((a) => a !== '--');
if (!email || !name) {
  console.error('usage: npm run admin:create -- <e-mail> "<full name>"');
  process.exit(2);
}
const database = createDatabase();
try {
  await migrate(database);
  const admin = await createAdmin(database.db, email, name, new Date());
  const site = process.env.ADUAN_PUBLIC_URL?.split(',')[0]?.trim().replace(/\/+$/, '');
  // the only place the password ever appears: it is stored as a hash and never shown again
  console.log(`Admin account created: ${admin.email}`);
  console.log(`One-time password (shown only now): ${admin.password}`);
  console.log(`Sign in at ${site ? `${site}/masuk` : '/masuk'} and choose a new password: nothing else opens before that.`);
} catch (error) {
  if (!(error instanceof AccountError)) throw error;
  console.error(`admin:create refused: ${ACCOUNT_MESSAGE[error.code]?.en ?? error.code}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
