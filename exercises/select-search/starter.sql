SELECT title, price_cents FROM books WHERE title = 'Program';
