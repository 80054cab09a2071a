import { asc } from 'drizzle-orm';
import type { Db } from '../connect';
import { categories } from '../schema';

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder));
}
