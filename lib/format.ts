/** Date and time in Jakarta (WIB), the way people there write it. */
const dateTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function formatWib(at: Date): string {
  return `${dateTime.format(at)} WIB`;
}

export function formatDate(at: Date): string {
  return dateOnly.format(at);
}

/** "3 hari 4 jam", "45 menit": a duration for people, not machines. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} jam ${minutes % 60} menit`;
  const days = Math.floor(hours / 24);
  return `${days} hari ${hours % 24} jam`;
}
