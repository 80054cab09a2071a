/** A conversation's outbox recipient and follower contact: never the number itself. */
export const waRecipient = (conversationId: number) => `wa:${conversationId}`;

export function parseWaRecipient(recipient: string): number | null {
  const m = /^wa:(\d{1,10})$/.exec(recipient);
  return m ? Number(m[1]) : null;
}

/** Outbox header that marks a reply inside a conversation (and carries its buttons or list). */
export const REPLY_HEADER = 'x-whatsapp-reply';
