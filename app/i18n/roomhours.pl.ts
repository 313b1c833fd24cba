import type { roomhoursEn } from './roomhours.en'

/** Pokoje otwarte tylko wtedy, gdy ktoś nad nimi czuwa (decyzja 043). */
export const roomhoursPl: Record<keyof typeof roomhoursEn, string> = {
  'error.ROOM_CLOSED':
    'Ten pokój jest teraz zamknięty, więc Twoja wiadomość nie została wysłana. Otworzy się znowu, gdy ktoś będzie nad nim czuwał.',
  'roomhours.openNow': 'Otwarty teraz',
  'roomhours.closedNow': 'Teraz zamknięty',
  'roomhours.opens': 'Otwiera się',
  'roomhours.closedTitle': 'Ten pokój jest teraz zamknięty',
  'roomhours.closedBody': 'Możesz go czytać, ale nie możesz w nim pisać, dopóki ktoś nie będzie nad nim czuwał.',
  'roomhours.closedNoOpening': 'Nie zaplanowano jeszcze godziny otwarcia.',
  'roomhours.admin.title': 'Godziny otwarcia pokojów',
  'roomhours.admin.intro':
    'Pokój z godzinami otwarcia poza nimi można tylko czytać. Zostaw godziny puste dla pokoju otwartego zawsze.',
  'roomhours.admin.zone': 'Strefa czasowa godzin',
  'roomhours.admin.windows': 'Godziny otwarcia',
  'roomhours.admin.windowsHelp':
    'Jeden wiersz na otwarcie: numer dnia tygodnia (1 poniedziałek do 7 niedziela), potem godziny, na przykład „1 18:00-20:00”.',
  'roomhours.admin.save': 'Zapisz godziny',
  'roomhours.admin.saved': 'Godziny otwarcia zapisane.',
  'roomhours.closedHelp': 'Jeśli potrzebujesz kogoś teraz, te telefony są czynne:',
}
