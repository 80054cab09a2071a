import type { NotificationKind } from '@/lib/notify/kinds';

/**
 * How a citizen is answered, stored as one string with the ticket's followers (private, like
 * every contact): an e-mail address, a phone number, `sosmed:<platform>:<post id>:<author>`
 * for a reply under a social-media post, `lapor:<LAPOR! number>` for the national system, or
 * `wa:<conversation id>` for a WhatsApp conversation (lib/whatsapp; the number stays there).
 */
export const socialContact = (platform: string, postId: string, author: string) => `sosmed:${platform}:${postId}:${author}`;
export const laporContact = (trackingId: string) => `lapor:${trackingId}`;

export function contactKind(contact: string): NotificationKind {
  if (contact.startsWith('sosmed:')) return 'sosmed';
  if (contact.startsWith('lapor:')) return 'lapor';
  if (contact.startsWith('wa:')) return 'whatsapp';
  return contact.includes('@') ? 'email' : 'sms';
}

/** The parts of a social-media contact, or null when it is not one. */
export function parseSocialContact(contact: string): { platform: string; postId: string; author: string } | null {
  const m = /^sosmed:([^:]+):([^:]+):(.+)$/.exec(contact);
  return m ? { platform: m[1], postId: m[2], author: m[3] } : null;
}
