// The user's time zone from the activity: a zone the runtime knows is used (also the second time,
// when its formatter is already built), anything else falls back to UTC and says so.
import assert from 'node:assert/strict';
import { formatLocalTime, resolveTimeZone } from '../../src/tools/local-time.js';

describe('resolveTimeZone', () => {
  it('accepts a known IANA zone, the same way every time', () => {
    assert.deepEqual(resolveTimeZone('Europe/Berlin'), { zone: 'Europe/Berlin', fallback: false });
    assert.deepEqual(resolveTimeZone('Europe/Berlin'), { zone: 'Europe/Berlin', fallback: false });
    assert.equal(formatLocalTime('2026-11-15T09:00:00Z', 'Europe/Berlin'), 'Nov 15, 2026, 10:00 AM GMT+1');
  });

  it('falls back to UTC for a well-formed name the zone database does not know, every time', () => {
    assert.deepEqual(resolveTimeZone('Mars/Olympus_Mons'), { zone: 'UTC', fallback: true });
    assert.deepEqual(resolveTimeZone('Mars/Olympus_Mons'), { zone: 'UTC', fallback: true });
  });

  it('falls back to UTC for what is not a zone name at all', () => {
    for (const raw of [undefined, 42, '', 'not a zone', '../../etc/passwd']) assert.deepEqual(resolveTimeZone(raw), { zone: 'UTC', fallback: true });
  });
});
