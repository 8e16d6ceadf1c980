-- Order lines as rows (issue 17): reports across stores and days (the franchise's comparisons, the
-- rollups a brand's reports read) sum these instead of parsing every order's JSON body. Written in
-- the same transaction as the order, from its body, so the two never disagree; `position` is the
-- line's place in the body (a till's line numbers are not checked unique). In the store group:
-- distributed by store_id like the orders (docs/scale.md).
CREATE TABLE order_lines (
  store_id uuid NOT NULL,
  order_id uuid NOT NULL,
  position integer NOT NULL,
  line_no integer NOT NULL,
  business_day date NOT NULL,
  channel text NOT NULL,
  sku text NOT NULL,
  quantity_kind text NOT NULL,
  quantity bigint NOT NULL,
  unit_price bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  net bigint NOT NULL,
  tax bigint NOT NULL,
  cost bigint,
  PRIMARY KEY (store_id, order_id, position),
  FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id)
);
CREATE INDEX order_lines_day ON order_lines (store_id, business_day);
CREATE INDEX order_lines_sku ON order_lines (store_id, sku, business_day);

INSERT INTO order_lines (store_id, order_id, position, line_no, business_day, channel, sku, quantity_kind, quantity,
    unit_price, gross, discount, net, tax, cost)
  SELECT o.store_id, o.id, l.position, (l.line->>'lineNo')::integer, o.business_day, o.channel, l.line->>'sku',
    l.line->>'quantityKind', (l.line->>'quantity')::bigint, (l.line->>'unitPrice')::bigint,
    (l.line->>'gross')::bigint, (l.line->>'discount')::bigint, (l.line->>'net')::bigint, (l.line->>'tax')::bigint,
    (l.line->>'cost')::bigint
  FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.body->'lines') WITH ORDINALITY AS l(line, position);
