import ical from 'ical-generator';
import type { KeyDate } from '../domain/key-date.js';

const DAY = 86_400_000;
const kindLabel = (kind: string) => kind.replace(/_/g, ' ');

/**
 * Key dates as an iCalendar file (RFC 5545): one all-day event each, with a stable UID so a
 * subscribed calendar updates an event rather than adding it twice. The library does the
 * CRLF line ends, 75-octet folding and text escaping.
 */
export function calendarOf(name: string, ws: string, dates: KeyDate[]): string {
  const calendar = ical({ name, prodId: { company: 'powermap', product: 'key-dates', language: 'EN' } });
  for (const date of dates) {
    const start = new Date(`${date.date}T00:00:00Z`);
    calendar.createEvent({
      id: `${date.id}@${ws}.powermap`,
      start,
      end: new Date(start.getTime() + DAY),
      allDay: true,
      summary: date.title,
      description: [kindLabel(date.kind), date.note].filter(Boolean).join('\n\n'),
      stamp: new Date(date.updatedAt),
      categories: [{ name: kindLabel(date.kind) }],
    });
  }
  return calendar.toString();
}
