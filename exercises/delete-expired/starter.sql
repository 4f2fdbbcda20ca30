SELECT code, expires_on FROM coupons WHERE expires_on < '2026-06-01';
