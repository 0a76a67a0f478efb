import { describe, expect, it } from 'vitest';
import { normalizePublished } from '../../src/ingest/index.js';
import { parseVisibleDate } from '../../src/ingest/published-date.js';

describe('normalizePublished', () => {
  it.each([
    ['2026-03-01T09:51:00+07:00', '2026-03-01T09:51:00+07:00'],
    ['2015-03-23 08:06 +07:00', '2015-03-23T08:06:00+07:00'],
    ['2026-03-07T08:52:11.000 +07:00', '2026-03-07T08:52:11+07:00'],
    ['2026-03-07T08:01:53+0700', '2026-03-07T08:01:53+07:00'],
    ['2026-03-07T01:01:53Z', '2026-03-07T01:01:53+00:00'],
    ['2026-03-07T00:01:00', '2026-03-07T00:01:00'],
    ['2026-03-07 08:07', '2026-03-07T08:07:00'],
    [' 2014-03-28 ', '2014-03-28'],
  ])('%s → %s', (given, expected) => {
    expect(normalizePublished(given)).toBe(expected);
  });

  it.each(['Thứ bảy, 7/3/2026', '07/03/2026 08:47', '2026-02-30', '2026-13-01', '2026-03-07T25:00:00', ''])(
    'refuses %j',
    (given) => {
      expect(normalizePublished(given)).toBeNull();
    },
  );
});

describe('parseVisibleDate', () => {
  it.each([
    ['Thứ Sáu, 19/11/2021, 18:27', '2021-11-19T18:27:00+07:00'],
    ['07/03/2026 08:07', '2026-03-07T08:07:00+07:00'],
    ['Chủ nhật, 8/3/2026 - 10:15', '2026-03-08T10:15:00+07:00'],
    ['- 07/03/2026 08:47', '2026-03-07T08:47:00+07:00'],
    ['Cập nhật 9h30 8/3/2026', '2026-03-08T09:30:00+07:00'],
    ['08/03/2026 12:05 PM GMT+7', '2026-03-08T12:05:00+07:00'],
    ['8-3-2026 00:15:09 GMT+0', '2026-03-08T00:15:09+00:00'],
    ['Thứ bảy, 7/3/2026', '2026-03-07'],
    ['7.3.2026', '2026-03-07'],
    // Not a time of day: the date alone.
    ['8/3/2026 25:10', '2026-03-08'],
  ])('%s → %s', (given, expected) => {
    expect(parseVisibleDate(given)).toBe(expected);
  });

  it.each(['31/02/2026', '7/13/2026', '2026-03-07', '18:27', 'Thứ Sáu', ''])('refuses %j', (given) => {
    expect(parseVisibleDate(given)).toBeNull();
  });
});
