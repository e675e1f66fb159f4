/**
 * 0019: why a comment waits (common/moderation/markers.ts). Each comment keeps the markers the hub put on it at
 * intake, where on the website it was posted (the page's title beside its address) and the comment it answers.
 * `repeat_key` is a hash of its folded text, to find the same text posted again without reading every body.
 * `moderation_words` are the banned and suspect lists, matched on folded text (`word_key`), seeded with a few
 * words of each so a new hub marks something; directors keep them. (Folded, some words are others: "lồn" would
 * catch "lớn", "đéo" would catch "đeo", so the seed leaves them out.)
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN page_title text;
ALTER TABLE comments ADD COLUMN reply_to text REFERENCES comments(id);
ALTER TABLE comments ADD COLUMN markers jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(markers) = 'array');
ALTER TABLE comments ADD COLUMN repeat_key text;
CREATE INDEX comments_by_repeat_key ON comments (repeat_key);
CREATE INDEX comments_by_author_posted ON comments (customer_id, posted_at);

CREATE TABLE moderation_words (
  word_key   text PRIMARY KEY,
  word       text NOT NULL,
  level      text NOT NULL CHECK (level IN ('banned', 'suspect')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO moderation_words (word_key, word, level) VALUES
  ('dit', 'địt', 'banned'),
  ('du ma', 'đụ má', 'banned'),
  ('dm', 'đm', 'banned'),
  ('dmm', 'đmm', 'banned'),
  ('vcl', 'vcl', 'banned'),
  ('clgt', 'clgt', 'banned'),
  ('lua dao', 'lừa đảo', 'suspect'),
  ('kiem tien', 'kiếm tiền', 'suspect'),
  ('vay tien', 'vay tiền', 'suspect'),
  ('zalo', 'zalo', 'suspect'),
  ('gia re', 'giá rẻ', 'suspect'),
  ('hang nhai', 'hàng nhái', 'suspect');
`;
