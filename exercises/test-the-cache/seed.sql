-- Each etag is the SHA-256 of the title, a newline and the body, as
-- crypto.sha256(`${title}\n${body}`) computes it in the app.
INSERT INTO articles (id, title, body, etag) VALUES
  (1, 'Planting garlic in autumn', 'Split the bulb, plant each clove pointy end up, two fingers deep, and forget it until June.',
   '02328a2c52ba30b5de291f8e1ea4c45642dd88b3c61c2515633c02154d778eb1'),
  (2, 'Why a compost heap gets warm', 'Microbes eating green waste give off heat: a good heap reaches 60 degrees in its middle.',
   '3ea58df6a7d36754d7410452e4f4f706da910748cbae2108219c8482d1524e78');

INSERT INTO account (name, email, plan) VALUES ('Lena Berg', 'lena@example.com', 'yearly');
