import type { Database } from 'better-sqlite3';
import type { Locale } from '../../../shared/locale';
import { formatDateTime } from '../../../shared/time-format';
import { namedStatements } from '../db/open-database';

/**
 * What an audit entry was about, as a person knows it: the subject is stored as `kind:id` (ids
 * never change, names do), and read back here as an order number, a product or staff name.
 */
const statements = namedStatements({
  order: 'SELECT number FROM orders WHERE id = ?',
  product: 'SELECT sku, name_zh, name_en FROM products WHERE id = ?',
  category: 'SELECT name_zh, name_en FROM categories WHERE id = ?',
  staff: 'SELECT name FROM staff WHERE id = ?',
  shift: `SELECT s.opened_at, s.z_number, p.name FROM shifts s JOIN staff p ON p.id = s.opened_by WHERE s.id = ?`,
  cart: 'SELECT label FROM parked_carts WHERE id = ?',
  cash: `SELECT c.kind, s.opened_at, p.name FROM cash_movements c JOIN shifts s ON s.id = c.shift_id
         JOIN staff p ON p.id = s.opened_by WHERE c.id = ?`,
  redemption: 'SELECT campaign_name FROM redemptions WHERE id = ?',
  onlineOrder: 'SELECT pickup_code FROM online_orders WHERE id = ?',
  store: 'SELECT name FROM store WHERE id = ?',
});

type Words = { en: string; 'zh-CN': string };
type Reader = { locale: Locale; timeZone: string };

export function auditSubjectText(db: Database, subject: string | null, reader: Reader): string | null {
  if (subject === null) return null;
  const colon = subject.indexOf(':');
  const kind = colon < 0 ? subject : subject.slice(0, colon);
  const id = colon < 0 ? '' : subject.slice(colon + 1);
  const words = describe(db, kind, id, reader);
  return words ? words[reader.locale] : subject;
}

function describe(db: Database, kind: string, id: string, reader: Reader): Words | null {
  const q = statements(db);
  const one = <T>(statement: keyof ReturnType<typeof statements>) => q[statement].get(id) as T | undefined;
  switch (kind) {
    case 'order': {
      const row = one<{ number: string }>('order');
      return row ? { en: `Order ${row.number}`, 'zh-CN': `订单 ${row.number}` } : { en: 'An order', 'zh-CN': '订单' };
    }
    case 'product': {
      const row = one<{ sku: string; name_zh: string; name_en: string }>('product');
      return row ? { en: `${row.name_en} (${row.sku})`, 'zh-CN': `${row.name_zh}（${row.sku}）` } : null;
    }
    case 'category': {
      const row = one<{ name_zh: string; name_en: string }>('category');
      return row ? { en: `Category ${row.name_en}`, 'zh-CN': `分类 ${row.name_zh}` } : null;
    }
    case 'staff': {
      const row = one<{ name: string }>('staff');
      return row ? { en: row.name, 'zh-CN': row.name } : null;
    }
    case 'shift': {
      const row = one<{ opened_at: number; z_number: number | null; name: string }>('shift');
      return row ? shiftWords(row, reader) : null;
    }
    case 'cash': {
      const row = one<{ kind: 'in' | 'out'; opened_at: number; name: string }>('cash');
      return row ? shiftWords({ ...row, z_number: null }, reader) : null;
    }
    case 'cart': {
      const row = one<{ label: string }>('cart');
      return row?.label
        ? { en: `Parked sale “${row.label}”`, 'zh-CN': `挂单“${row.label}”` }
        : { en: 'A sale before payment', 'zh-CN': '未付款的销售' };
    }
    case 'redemption': {
      const row = one<{ campaign_name: string }>('redemption');
      return row ? { en: `Voucher “${row.campaign_name}”`, 'zh-CN': `券“${row.campaign_name}”` } : null;
    }
    case 'online_order': {
      const row = one<{ pickup_code: string }>('onlineOrder');
      return row
        ? { en: `Online order, pickup code ${row.pickup_code}`, 'zh-CN': `线上订单（取餐码 ${row.pickup_code}）` }
        : null;
    }
    case 'store': {
      const row = one<{ name: string }>('store');
      return row ? { en: row.name, 'zh-CN': row.name } : null;
    }
    case 'platform':
    case 'stream':
      return { en: 'The O2O platform', 'zh-CN': 'O2O 平台' };
    case 'device':
      return { en: 'This till', 'zh-CN': '本收银机' };
    case 'drawer':
      return { en: 'Cash drawer', 'zh-CN': '钱箱' };
    case 'catalog':
      return { en: 'Catalog', 'zh-CN': '商品目录' };
    default:
      return null;
  }
}

function shiftWords(row: { opened_at: number; z_number: number | null; name: string }, reader: Reader): Words {
  const opened = formatDateTime(row.opened_at, reader.locale, reader.timeZone);
  const z = row.z_number === null ? '' : ` · Z${row.z_number}`;
  return {
    en: `Shift of ${row.name}, opened ${opened}${z}`,
    'zh-CN': `${row.name} 的班次（${opened} 开班）${z}`,
  };
}
