import type { sessionnotesEn } from './sessionnotes.en'

export const sessionnotesPl: Record<keyof typeof sessionnotesEn, string> = {
  'sessionnotes.groupLink': 'Minione spotkania: obecność i notatki',
  'sessionnotes.list.title': 'Minione spotkania grupy {group}',
  'sessionnotes.list.intro': 'Po każdym spotkaniu zapisz obecność i notatki. Widzą je tylko prowadzący tę grupę.',
  'sessionnotes.list.none': 'Żadne spotkanie tej grupy jeszcze się nie odbyło.',
  'sessionnotes.list.recorded': 'Obecność zapisana',
  'sessionnotes.list.notRecorded': 'Obecność jeszcze niezapisana',
  'plural.sessionNotes.one': '{count} notatka',
  'plural.sessionNotes.few': '{count} notatki',
  'plural.sessionNotes.many': '{count} notatek',
  'plural.sessionNotes.other': '{count} notatki',
  'sessionnotes.title': 'Obecność i notatki',
  'sessionnotes.when': 'Spotkanie z dnia',
  'sessionnotes.back': 'Minione spotkania',
  'sessionnotes.private':
    'Tę stronę widzą tylko prowadzący tę grupę. Notatki są przechowywane w postaci zaszyfrowanej, a każde ich otwarcie i zmiana są odnotowywane. Notatkę o uczestniku otrzymuje ten uczestnik, gdy pobierze swoje dane; notatki o spotkaniu nie.',
  'sessionnotes.notYet': 'To spotkanie jeszcze się nie zaczęło. Obecność i notatki można zapisać, gdy się rozpocznie.',
  'sessionnotes.noMembers': 'Ta grupa nie miała uczestników na tym spotkaniu.',
  'sessionnotes.attendance.title': 'Obecność',
  'sessionnotes.attendance.fromVideo':
    'Podpowiedź z pokoju wideo: dołączenie ponad 5 minut po początku liczy się jako spóźnienie, wyjście ponad 5 minut przed końcem jako wcześniejsze wyjście. Sprawdź, popraw i zapisz.',
  'sessionnotes.attendance.noVideo':
    'Pokój wideo nikogo nie odnotował na tym spotkaniu, więc nie ma podpowiedzi. Wybierz dla każdego uczestnika.',
  'sessionnotes.attendance.savedAt': 'Ostatnio zapisano',
  'sessionnotes.attendance.suggested': 'Podpowiedź z pokoju wideo',
  'sessionnotes.attendance.joined': 'W pokoju wideo od',
  'sessionnotes.attendance.left': 'do',
  'sessionnotes.attendance.stillIn': 'końca',
  'sessionnotes.attendance.save': 'Zapisz obecność',
  'sessionnotes.attendance.done': 'Obecność zapisana.',
  'sessionnotes.status.present': 'Obecność',
  'sessionnotes.status.late': 'Spóźnienie',
  'sessionnotes.status.left_early': 'Wcześniejsze wyjście',
  'sessionnotes.status.absent': 'Nieobecność',
  'sessionnotes.notes.title': 'Notatki',
  'sessionnotes.notes.session': 'O spotkaniu',
  'sessionnotes.notes.sessionHelp':
    'Tylko dla prowadzących tę grupę; nie trafia do danych pobieranych przez uczestników.',
  'sessionnotes.notes.member': 'O uczestniku {pseudonym}',
  'sessionnotes.notes.memberHelp': 'Nieobowiązkowa. {pseudonym} otrzyma tę notatkę, jeśli pobierze swoje dane.',
  'sessionnotes.notes.updatedAt': 'Ostatnia zmiana',
  'sessionnotes.notes.save': 'Zapisz notatki',
  'sessionnotes.notes.done': 'Notatki zapisane.',
  'error.attendance_required':
    'Wybierz dla każdego uczestnika: obecność, spóźnienie, wcześniejsze wyjście lub nieobecność.',
  'error.attendance_status_invalid': 'Wybierz: obecność, spóźnienie, wcześniejsze wyjście lub nieobecność.',
}
