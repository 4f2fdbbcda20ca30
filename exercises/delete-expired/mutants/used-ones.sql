DELETE FROM coupons WHERE used = 1;
