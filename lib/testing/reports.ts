import type { CreateReportInput } from '@/lib/intake/create-report';

let tokens = 0;

/** A citizen's report at Monas (Kelurahan Gambir), with a fresh form token; override what a test needs. */
export function reportInput(change: Partial<CreateReportInput> = {}): CreateReportInput {
  return {
    formToken: `uji-laporan-${++tokens}-${Date.now()}-abcdefgh`,
    channelCode: 'web',
    categoryCode: 'jalan',
    description: 'Jalan berlubang di depan Monas.',
    isPublic: true,
    lat: -6.1754,
    lng: 106.8272,
    kelurahanCode: null,
    address: null,
    reporterName: null,
    reporterPhone: null,
    reporterEmail: null,
    photos: [],
    ...change,
  };
}
