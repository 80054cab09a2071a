import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { LeafletMapProps } from './leaflet-map';
import { ReportMapClient } from './report-map-client';

/** The map with its texts: they travel with the pages that show a map, not inside every page. */
export async function ReportMap(props: LeafletMapProps) {
  const { map, errors } = await getMessages();
  return (
    <NextIntlClientProvider messages={{ map, errors }}>
      <ReportMapClient {...props} />
    </NextIntlClientProvider>
  );
}
