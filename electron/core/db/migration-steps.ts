import type { Database } from 'better-sqlite3';
import { productTerms } from '../catalog/search-terms';
import type { MigrationSteps } from './migrations';

/** What a migration needs done that SQL cannot do, by the topic of its file name. */
export const migrationSteps: MigrationSteps = {
  product_pinyin: indexEveryProduct,
};

/** Fills the search index again from every product's names, pinyin included. */
function indexEveryProduct(db: Database): void {
  const products = db.prepare('SELECT rowid, name_zh, name_en FROM products').all() as {
    rowid: number;
    name_zh: string;
    name_en: string;
  }[];
  const insert = db.prepare('INSERT INTO product_search (rowid, terms, pinyin) VALUES (@rowid, @terms, @pinyin)');
  for (const p of products) insert.run({ rowid: p.rowid, ...productTerms(p.name_zh, p.name_en) });
}
