SELECT title, price FROM books WHERE title = 'Program';
