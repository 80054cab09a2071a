import { notFound } from 'next/navigation';

// Rendered per request, so that the not-found view is the localized one inside the site's layout.
export const dynamic = 'force-dynamic';

// Unknown addresses get the localized not-found page.
export default function UnknownPage() {
  notFound();
}
