import { z } from 'zod';
import { method } from './define';

export const drawerMethods = {
  'drawer.noSale': method({
    input: z.object({ reason: z.string().trim().min(1).max(200) }),
    output: z.object({ openedAt: z.number().int(), approvedBy: z.string().nullable() }),
    access: 'drawer.noSale',
    mutates: true,
  }),
};
