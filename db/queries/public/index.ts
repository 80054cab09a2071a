/**
 * The public projection: the one way anything public reads reports, their timelines, photos and
 * ratings. The database views (views.ts, drizzle/0014) decide what each row shows; the modules
 * here shape it and mask personal data in every text. A test (public-routes.test.ts) fails
 * when a public route reaches the stored tables any other way.
 */
export * from './reports';
export * from './ticket';
export { publicFilterConditions } from './filters';
export { publicText } from './text';
