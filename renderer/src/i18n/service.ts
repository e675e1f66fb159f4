/** The words of the working hours and service targets (renderer/src/service/) and of the time left shown on lists. */
export const serviceVi = {
  nav: 'Giờ làm việc & SLA',
};
export const serviceEn: typeof serviceVi = {
  nav: 'Hours & service targets',
};
