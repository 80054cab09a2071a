import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';

const database = createDatabase();
await migrate(database);
console.log(`migrations applied (${database.kind})`);
await database.close();
