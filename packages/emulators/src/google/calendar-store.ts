// In-memory calendar data per account: events with a change sequence so sync tokens can return the changes
// since a point, and tombstones for deleted events (Google returns them as `status: cancelled`).
import { randomBytes } from 'node:crypto';

export interface EventTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

export interface StoredEvent {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  summary?: string;
  description?: string;
  start: EventTime;
  end: EventTime;
  attendees?: { email: string; responseStatus: string }[];
  transparency?: 'opaque' | 'transparent';
  created: string;
  updated: string;
  seq: number;
  hangoutLink?: string;
  conferenceData?: Record<string, unknown>;
}

/** Google event ids: base32hex characters, 5 to 1024 long. */
export const EVENT_ID = /^[a-v0-9]{5,1024}$/;

export function newEventId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  return Array.from(randomBytes(26), (b) => alphabet[b % 32]).join('');
}

export function meetCode(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pick = (n: number) => Array.from(randomBytes(n), (b) => letters[b % 26]).join('');
  return `${pick(3)}-${pick(4)}-${pick(3)}`;
}

export function eventStartMs(time: EventTime): number {
  return Date.parse(time.dateTime ?? time.date ?? '');
}

export class AccountCalendar {
  readonly events = new Map<string, StoredEvent>();
  #seq = 0;
  /** Sync tokens issued at or below this sequence are dead (control API: invalidate sync tokens). */
  minValidSeq = 0;
  readonly #tokens = new Map<string, number>();

  nextSeq(): number {
    return ++this.#seq;
  }

  issueSyncToken(): string {
    const token = `CP${randomBytes(12).toString('base64url')}`;
    this.#tokens.set(token, this.#seq);
    return token;
  }

  /** The sequence a sync token was issued at, or undefined when it is unknown or invalidated. */
  syncTokenSeq(token: string): number | undefined {
    const seq = this.#tokens.get(token);
    return seq === undefined || seq < this.minValidSeq ? undefined : seq;
  }

  invalidateSyncTokens(): void {
    this.minValidSeq = this.#seq + 1;
    this.#tokens.clear();
  }
}
