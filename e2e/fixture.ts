import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Ticket numbers of the privacy fixture, written by scripts/e2e-server.ts. */
export function fixtureNumbers(): { publicReport: string; privateReport: string; confidentialReport: string } {
  return JSON.parse(readFileSync(resolve('.data/e2e-fixture.json'), 'utf8'));
}
