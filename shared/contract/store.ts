import { z } from 'zod';
import { isTimeZone } from '../business-day';
import { fieldMessage } from '../field-messages';
import { StoreId } from '../ids';
import { Locale } from '../locale';
import { isCurrencyCode } from '../money';
import { StoreSettings, StoreSettingsPatch } from '../store-settings';
import { method } from './define';
import { PersonName, Pin } from './staff';

export const TimeZone = z.string().max(64).refine(isTimeZone, fieldMessage('unknown_time_zone'));
export const Currency = z.string().length(3).refine(isCurrencyCode, fieldMessage('unknown_currency'));
export const DeviceCode = z.string().regex(/^[A-Z0-9]{1,3}$/, fieldMessage('device_code'));
export const CutoffHour = z.number().int().min(0).max(12);

export const StoreInfo = z.object({
  id: StoreId,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  currencyExponent: z.number().int(),
  dayCutoffHour: z.number().int(),
  demo: z.boolean(),
  businessDay: z.string(),
  /** This terminal's prefix on order numbers (`A-0042`), so two tills never print the same number. */
  deviceCode: z.string(),
  settings: StoreSettings,
});
export type StoreInfo = z.infer<typeof StoreInfo>;

const StoreName = z.string().trim().min(1).max(80);

export const storeMethods = {
  'app.status': method({
    input: z.object({}),
    output: z.object({
      setUp: z.boolean(),
      store: StoreInfo.nullable(),
      deviceId: z.string(),
      schemaVersion: z.number().int(),
    }),
    access: 'public',
    mutates: false,
  }),
  'store.create': method({
    input: z.object({
      name: StoreName,
      timeZone: TimeZone,
      currency: Currency.default('CNY'),
      dayCutoffHour: CutoffHour.default(4),
      owner: z.object({ name: PersonName, pin: Pin }),
    }),
    output: StoreInfo,
    access: 'public',
    mutates: true,
  }),
  'store.createDemo': method({
    input: z.object({
      timeZone: TimeZone.default('Asia/Shanghai'),
      locale: Locale.default('zh-CN'),
      /** Fourteen weeks of sample sales before today, for the reports (the first-run screen asks for them). */
      history: z.boolean().default(false),
    }),
    output: StoreInfo,
    access: 'public',
    mutates: true,
  }),
  'store.update': method({
    input: z.object({
      name: StoreName.optional(),
      timeZone: TimeZone.optional(),
      dayCutoffHour: CutoffHour.optional(),
      deviceCode: DeviceCode.optional(),
      settings: StoreSettingsPatch.optional(),
    }),
    output: StoreInfo,
    access: 'settings.manage',
    mutates: true,
  }),
};
