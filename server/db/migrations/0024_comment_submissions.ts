/**
 * 0024: a comment that is really a question or a complaint is turned into a submission of that inbox
 * (`submission.fromComment`), linked both ways: the comment names its submission, the submission its comment.
 * One submission per comment.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN submission_id text REFERENCES submissions(id);
ALTER TABLE submissions ADD COLUMN comment_id text UNIQUE REFERENCES comments(id);
`;
