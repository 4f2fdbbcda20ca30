SELECT title, price_cents FROM books;
