SELECT title, price FROM books;
