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
  'rota.title': 'Grafik dyżurów prowadzących',
  'rota.introAdmin':
    'Pokój otwierany tylko z dyżurem jest otwarty tylko wtedy, gdy któryś z jego prowadzących ma dyżur (a jeśli ma godziny otwarcia, to również tylko w nich). Poza dyżurem można go tylko czytać.',
  'rota.introFacilitator':
    'Zapisz się na dyżury w pokojach, którymi się opiekujesz. Pokój otwierany tylko z dyżurem jest otwarty dla uczestników tylko wtedy, gdy ktoś ma dyżur.',
  'rota.noRooms': 'Nie ma tu jeszcze pokojów dla Ciebie.',
  'rota.withCover': 'otwarty tylko podczas dyżuru prowadzącego',
  'rota.withoutCover': 'nie potrzebuje dyżuru, by być otwarty',
  'rota.coverLabel': 'Otwarty tylko podczas dyżuru prowadzącego',
  'rota.coverSave': 'Zapisz',
  'rota.shifts': 'Najbliższe dyżury',
  'rota.noShifts': 'Brak zaplanowanych dyżurów.',
  'rota.you': 'Ty',
  'rota.anotherFacilitator': 'inny prowadzący',
  'rota.notCounting': 'nie liczy się: już nie prowadzi tego pokoju',
  'rota.remove': 'Usuń dyżur',
  'rota.addTitle': 'Dodaj dyżur',
  'rota.signUpTitle': 'Zapisz się na dyżur',
  'rota.noFacilitators': 'Ten pokój nie ma jeszcze prowadzących: najpierw przypisz ich w /admin/rooms.',
  'rota.facilitator': 'Prowadzący',
  'rota.startsAt': 'Początek',
  'rota.endsAt': 'Koniec',
  'rota.zoneHelp': 'Czas w Twojej strefie czasowej ({zone}). Dyżur trwa najwyżej 24 godziny.',
  'rota.add': 'Dodaj dyżur',
  'rota.signUp': 'Zapisz się',
  'rota.added': 'Dyżur dodany.',
  'rota.saved': 'Grafik zapisany.',
  'error.shift_time_invalid': 'Podaj datę i godzinę.',
  'error.shift_end_before_start': 'Koniec musi być po początku.',
  'error.shift_too_long': 'Dyżur trwa najwyżej 24 godziny; dłuższy podziel na kilka dyżurów.',
  'error.shift_in_past': 'Ten dyżur już się skończył.',
  'error.shift_too_far': 'Dyżury można planować najwyżej 90 dni naprzód.',
  'error.shift_not_facilitator': 'Wybierz jednego z prowadzących ten pokój.',
  'roomhours.composerClosed':
    'Pokój jest zamknięty, więc teraz nie możesz pisać. Otworzy się znowu, gdy ktoś będzie nad nim czuwał.',
  'roomhours.admin.rotaLink': 'Pokoje otwarte tylko podczas dyżuru prowadzącego: grafik dyżurów',
}
