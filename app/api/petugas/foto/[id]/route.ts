import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getStaffPhotoFile } from '@/db/queries/staff-ticket';
import { currentStaff } from '@/lib/auth/session';
import { isPhotoId, photoNotFound, photoResponse } from '@/lib/media/photo-response';

/** GET /api/petugas/foto/123 → any photo of a ticket in the signed-in official's jurisdiction. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentStaff();
  if (!user) return NextResponse.json({ error: 'Silakan masuk.', error_en: 'Please sign in.' }, { status: 401 });
  if (!isPhotoId(id)) return photoNotFound();
  return photoResponse(await getStaffPhotoFile(getDb(), user, Number(id)), request.nextUrl.searchParams, { 'Cache-Control': 'private, max-age=300' });
}
