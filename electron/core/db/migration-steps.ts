import type { Database } from 'better-sqlite3';
import { pinyinTerms } from '../catalog/pinyin-terms';
import type { MigrationSteps } from './migrations';

/** What a migration needs done that SQL cannot do, by the topic of its file name. */
export const migrationSteps: MigrationSteps = {
  product_pinyin: indexPinyinOfEveryProduct,
};

function indexPinyinOfEveryProduct(db: Database): void {
  const products = db.prepare('SELECT rowid, name_zh FROM products').all() as { rowid: number; name_zh: string }[];
  const insert = db.prepare('INSERT INTO product_pinyin (rowid, pinyin) VALUES (?, ?)');
  for (const p of products) insert.run(p.rowid, pinyinTerms(p.name_zh));
}
