import type { RegimeProfile } from '../../../../src/domain/regimes/index.js';

/*
 * A FICTIONAL regime, for tests only: the "Data Incident Act" of a made-up country with the
 * user-assigned ISO code XR, in a southern-hemisphere zone (its DST runs the other way). It shows
 * that a new regime is one folder: this file, registered by its test, and nothing else changed.
 */
export const FICTIONAL_XR: RegimeProfile = {
  id: 'fictional-xr',
  name: { en: 'Data Incident Act (fictional, XR)' },
  zone: 'Pacific/Auckland',
  authority: {
    name: { en: 'The Fictional Data Office' },
    contact: { email: 'reports@fictional.invalid' },
    filing: { en: 'By e-mail to the office (fictional).' },
  },
  languages: ['en'],
  applies: ({ settings }) =>
    settings.establishedIn.includes('XR')
      ? { applies: true, reason: 'Established in XR (fictional).' }
      : { applies: false, reason: 'Not established in XR.' },
  ruleSets: [
    {
      version: '2026-01-01',
      effectiveFrom: '2026-01-01',
      basis: 'Data Incident Act 2025 (fictional) s. 1 and 2',
      threshold: { en: 'Any incident (fictional).' },
      stages: [
        {
          id: 'alert',
          name: { en: 'Alert' },
          basis: 's. 1 (fictional)',
          to: 'authority',
          byRole: { controller: { from: 'awareness', within: { kind: 'hours', hours: 6 } } },
        },
        {
          id: 'review',
          name: { en: 'Review' },
          basis: 's. 2 (fictional)',
          to: 'authority',
          byRole: { controller: { from: 'stage', stage: 'alert', within: { kind: 'months', months: 2 } } },
        },
      ],
    },
  ],
  registerColumns: [{ header: 'XR review due (UTC)', stage: 'review', show: 'due' }],
  unconfirmed: ['Everything: this regime is fictional.'],
};
