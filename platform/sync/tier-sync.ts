import { type SettingsRow, settingsOf } from '../members/member-settings';
import type { PlatformDomain } from './platform-domain';

type LadderRow = SettingsRow & { version: number };

/**
 * The brand's tier ladder as one change, versioned with the member settings (the member counter):
 * setting the ladder moves it, and every store's tills take the whole ladder again.
 */
export const tierDomain: PlatformDomain<'member_tiers', never> = {
  streams: {
    member_tiers: {
      query: `SELECT brand, ladder, growth_rule, lookup_secret, version FROM member_settings
           WHERE version > $2 AND $1::uuid IS NOT NULL ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM member_settings)',
      change: (row: LadderRow) => ({
        id: 'ladder',
        version: String(row.version),
        data: { tiers: settingsOf(row).ladder },
      }),
    },
  },
  mutations: {},
};
