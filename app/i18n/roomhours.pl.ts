import type { roomhoursEn } from './roomhours.en'

/** Pokoje otwarte tylko wtedy, gdy ktoś nad nimi czuwa (decyzja 043). */
export const roomhoursPl: Record<keyof typeof roomhoursEn, string> = {
  'error.ROOM_CLOSED': 'Ten pokój jest teraz zamknięty, więc Twoja wiadomość nie została wysłana. Otworzy się znowu, gdy ktoś będzie nad nim czuwał.',
  'roomhours.openNow': 'Otwarty teraz',
  'roomhours.closedNow': 'Teraz zamknięty',
  'roomhours.opens': 'Otwiera się',
  'roomhours.closedTitle': 'Ten pokój jest teraz zamknięty',
  'roomhours.closedBody': 'Możesz go czytać, ale nie możesz w nim pisać, dopóki ktoś nie będzie nad nim czuwał.',
  'roomhours.closedNoOpening': 'Nie zaplanowano jeszcze godziny otwarcia.',
  'roomhours.closedHelp': 'Jeśli potrzebujesz kogoś teraz, te telefony są czynne:',
}
