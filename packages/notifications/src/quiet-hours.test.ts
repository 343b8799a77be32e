import { describe, expect, it } from 'vitest';
import { isTimeZone, parseClock, quietUntil } from './quiet-hours.js';

const rome = (start: string, end: string) => ({ start, end, timeZone: 'Europe/Rome' });

describe('quiet hours', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:30', '07:60', '', '07:30:00']) expect(parseClock(bad)).toBeNull();
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('holds a message due at night until the window ends, across midnight, in the zone', () => {
    // 23:30 in Rome (CET, UTC+1) on 2026-01-14 is 22:30Z; the window ends at 07:00 Rome = 06:00Z.
    expect(quietUntil(new Date('2026-01-14T22:30:00Z'), rome('22:00', '07:00'))?.toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    );
    // 06:59 Rome is still inside; 07:00 is out.
    expect(quietUntil(new Date('2026-01-15T05:59:00Z'), rome('22:00', '07:00'))?.toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-01-15T06:00:00Z'), rome('22:00', '07:00'))).toBeNull();
    expect(quietUntil(new Date('2026-01-15T12:00:00Z'), rome('22:00', '07:00'))).toBeNull();
  });

  it('handles a same-day window, an empty window and none', () => {
    expect(
      quietUntil(new Date('2026-01-15T03:00:00Z'), {
        start: '12:00',
        end: '13:00',
        timeZone: 'Asia/Tokyo',
      })?.toISOString(),
    ).toBe('2026-01-15T04:00:00.000Z');
    expect(quietUntil(new Date('2026-01-15T03:00:00Z'), rome('08:00', '08:00'))).toBeNull();
    expect(quietUntil(new Date('2026-01-15T03:00:00Z'), null)).toBeNull();
  });

  it('follows a daylight-saving change: the night Rome springs forward the window still ends at 07:00 local', () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST. 01:30 local (00:30Z) → 07:00 CEST = 05:00Z.
    expect(quietUntil(new Date('2026-03-29T00:30:00Z'), rome('22:00', '07:00'))?.toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
  });
});
