-- A shop: customers with a referral hierarchy, orders, order lines with a composite key.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');

CREATE TABLE customers (
  customer_id SERIAL PRIMARY KEY,
  email VARCHAR(120) NOT NULL UNIQUE,
  full_name VARCHAR(80) NOT NULL,
  city VARCHAR(60),
  phone VARCHAR(30),
  balance NUMERIC(10,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  tier TEXT NOT NULL CHECK (tier IN ('bronze', 'silver', 'gold')),
  signup_date DATE NOT NULL CHECK (signup_date >= '2020-01-01'),
  created_at TIMESTAMP NOT NULL DEFAULT now(),
  referred_by INT REFERENCES customers (customer_id)
);

CREATE TABLE orders (
  order_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id INT NOT NULL,
  status order_status NOT NULL DEFAULT 'new',
  ordered_at DATE NOT NULL,
  shipped_at DATE,
  total NUMERIC(8,2) NOT NULL CHECK (total > 0),
  discount NUMERIC(8,2) CHECK (discount >= 0),
  CHECK (shipped_at IS NULL OR shipped_at >= ordered_at),
  CHECK (status = 'shipped' OR shipped_at IS NULL),
  CONSTRAINT discount_below_total CHECK (discount < total),
  CONSTRAINT total_cap CHECK (total * 2 < 1000000)
);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (customer_id);

CREATE TABLE order_lines (
  order_id BIGINT NOT NULL REFERENCES orders (order_id),
  line_no SMALLINT NOT NULL CHECK (line_no BETWEEN 1 AND 99),
  sku VARCHAR(12) NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shipments (
  order_id BIGINT NOT NULL,
  line_no SMALLINT NOT NULL,
  carrier VARCHAR(40) NOT NULL,
  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);

CREATE INDEX orders_by_customer ON orders (customer_id);
