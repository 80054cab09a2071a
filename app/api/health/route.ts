import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';

/** Liveness and database reachability, for load balancers and test harnesses. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false, error: 'Basis data tidak dapat dihubungi.' }, { status: 503 });
  }
}
