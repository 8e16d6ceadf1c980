import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Maps a browser or OS language tag to the closest language the app speaks. */
export function pickLocale(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
