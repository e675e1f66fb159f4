/** 0027: the emails sent about a customer's data request, each with its delivery state, as the hub keeps them (its 0028). */
export default /* sql */ `
ALTER TABLE account_requests ADD COLUMN mails TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mails) AND json_type(mails) = 'object');
`;
