/** Channels a notification can go out on; stored as text in `outbox.kind` (`push`: Web Push, recipient `push:<subscription id>`). */
export const NOTIFICATION_KINDS = ['email', 'sms', 'whatsapp', 'sosmed', 'lapor', 'push'] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
