/** The words of canned replies and tags (renderer/src/replies/): their management, the reply box and the tag filter. */
export const repliesVi = {
  nav: 'Mẫu trả lời & nhãn',
};
export const repliesEn: typeof repliesVi = {
  nav: 'Canned replies & tags',
};
