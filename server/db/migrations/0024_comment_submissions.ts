/**
 * 0024: a comment that is really a question or a complaint is turned into a submission of that inbox
 * (`submission.fromComment`), linked both ways: the comment names its submission, the submission its comment.
 * One submission per comment; the comment names its kind too, for the desks that hold comments and not that kind.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN submission_id text REFERENCES submissions(id);
ALTER TABLE comments ADD COLUMN submission_kind text CHECK (submission_kind IN ('question', 'complaint', 'feedback'));
ALTER TABLE submissions ADD COLUMN comment_id text UNIQUE REFERENCES comments(id);
`;
