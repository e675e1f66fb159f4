/**
 * 0019: saved views sync (common/protocol/saved-views.ts). The hub now settles a person's view names across
 * desks (a clash made offline on two desks is numbered there), so for a moment a pull can bring a view whose name
 * another of this person's views here still has: a name is checked when the person saves (saved-views.ts), no
 * longer held unique by the store.
 */
export default /* sql */ `
DROP INDEX saved_views_name;
CREATE INDEX saved_views_of_person ON saved_views (person_id, name_key);
`;
