/** The vocabularies of a customer record, as the website sends them and the stores keep them. */
export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** How a letter addresses a customer: Anh, Chị, or Quý khách when their gender is not known. */
export const formOfAddress = (gender: Gender | null): string => (gender === 'male' ? 'Anh' : gender === 'female' ? 'Chị' : 'Quý khách');

/** A phone number as the website may send it: an optional +, then 8 to 20 digits, spaces, dots or dashes. */
export const PHONE_PATTERN = /^\+?[0-9 .-]{8,20}$/;

/** A page cursor of a customer's timeline: the last item's time and id, `at:id`. */
export const TIMELINE_CURSOR = /^\d{1,16}:[0-9a-f-]{36}$/;
