import { createDatabase } from '@/db/connect';
import { setupDemoDatabase } from '@/db/setup';
import { intArg, parseArgs } from './args';

// npm run db:seed -- --reports 20000 --months 12 --seed 42
const args = parseArgs(process.argv.slice(2));
const database = createDatabase();
await setupDemoDatabase(database, {
  reports: intArg(args, 'reports', 20_000),
  months: intArg(args, 'months', 12),
  seed: intArg(args, 'seed', 42),
  log: (line) => console.log(`[seed] ${line}`),
});
await database.close();
