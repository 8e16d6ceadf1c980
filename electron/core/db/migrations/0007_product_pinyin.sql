-- The pinyin of each product's Chinese name, so a cashier finds 原味牛角包 by typing "njb" or
-- "niujiaobao" (catalog/pinyin-terms.ts says what is indexed). rowid = products.rowid. A table of its
-- own so name searches read no pinyin; queries are prefixes of long joined tokens, hence prefix
-- indexes up to 6 letters. SQL cannot compute pinyin: the rows are written by code right after this
-- file, in the same transaction (db/migration-steps.ts).
CREATE VIRTUAL TABLE product_pinyin USING fts5 (
  pinyin,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);
