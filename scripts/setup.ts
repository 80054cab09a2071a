import { createDatabase } from '@/db/connect';
import { setupProductionDatabase } from '@/db/setup';

// npm run db:setup — a production database: migrations and reference data, no account, no demo data.
const database = createDatabase();
await setupProductionDatabase(database, { log: (line) => console.log(`[setup] ${line}`) });
console.log(`[setup] done (${database.kind}); create the first admin with: npm run admin:create -- admin@example.go.id "Full Name"`);
await database.close();
