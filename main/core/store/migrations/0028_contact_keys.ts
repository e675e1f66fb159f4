/**
 * 0028: a customer is found by their email or phone number through keyed hashes of them (store/contact-keys.ts)
 * rather than indexes of the values themselves (0014's), so no page of the index holds an address or a number.
 * 0014's `phone_key` column is virtual: with its index gone, nothing of it is stored.
 */
export default /* sql */ `
DROP INDEX customers_by_phone;
DROP INDEX customers_by_email;
CREATE INDEX customers_by_email_key ON customers (bd_contact('email', email));
CREATE INDEX customers_by_phone_key ON customers (bd_contact('phone', phone));
`;
