-- The pinyin of each product's Chinese name joins the search index, so a cashier finds 牛角包 by
-- typing "njb" or "niujiaobao". FTS5 cannot add a column, so the index is made again with two:
-- `terms` (the names, as 0001 indexed them) and `pinyin`. SQL cannot compute pinyin: the rows are
-- written by code right after this file, in the same transaction (db/migration-steps.ts).
DROP TABLE product_search;

CREATE VIRTUAL TABLE product_search USING fts5 (
  terms,
  pinyin,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
