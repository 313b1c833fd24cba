import type { messagesEn } from './messages.en'

export const messagesPl: Record<keyof typeof messagesEn, string> = {
  'messages.title': 'Wiadomości',
  'messages.intro':
    'Prywatne wiadomości między Tobą a prowadzącymi Twoje grupy. Prowadzący odpowiadają, kiedy mogą: to nie jest kanał na nagłe sytuacje.',
  'messages.asMember.title': 'Twoje rozmowy z prowadzącymi',
  'messages.asMember.empty':
    'Nie masz jeszcze wiadomości. Aby napisać do prowadzącego grupę, do której należysz, otwórz stronę grupy i wybierz „Napisz do prowadzącego”.',
  'messages.asFacilitator.title': 'Wiadomości od uczestników Twoich grup',
  'messages.asFacilitator.help': 'Najpierw ci, którzy najdłużej czekają na odpowiedź.',
  'messages.asFacilitator.empty': 'Nie ma jeszcze wiadomości od uczestników.',
  'messages.inbox.group': 'Grupa: {group}',
  'messages.inbox.unread': 'Nieprzeczytane: {count}',
  'messages.inbox.last': 'Ostatnia wiadomość {time}',
  'messages.inbox.waiting': 'Czeka na odpowiedź od {time}',
  'messages.inbox.overdue': 'Po terminie',
  'messages.inbox.closed': 'Opuścił(a) grupę',
  'messages.totalUnread': 'Nieprzeczytane wiadomości: {count}.',
  'messages.back': 'Wszystkie wiadomości',
  'messages.thread.titleMember': 'Wiadomości: {names}',
  'messages.thread.titleFacilitator': 'Wiadomości: {pseudonym}',
  'messages.thread.group': 'Grupa: {group}',
  'messages.thread.responseTime': '{name} zwykle odpowiada w ciągu {hours} godz.',
  'messages.thread.notEmergency':
    'Wiadomości nie są czytane całą dobę. Jeśli grozi Ci niebezpieczeństwo, użyj przycisku „Potrzebuję pomocy teraz” albo zadzwoń pod numer alarmowy.',
  'messages.thread.facilitatorHelp':
    'Uczestnik widzi Twoje imię i nazwisko zawodowe. Ty widzisz tylko jego pseudonim w grupie.',
  'messages.thread.empty': 'Nie ma jeszcze wiadomości. Napisz pierwszą poniżej.',
  'messages.thread.list': 'Wiadomości',
  'messages.thread.you': 'Ty',
  'messages.thread.formerFacilitator': 'Były prowadzący',
  'messages.thread.sent': 'Wysłana',
  'messages.thread.read': 'Przeczytana {time}',
  'messages.thread.closedMember': 'Opuściłeś(-aś) tę grupę. Możesz czytać tę rozmowę, ale nie możesz już w niej pisać.',
  'messages.thread.closedFacilitator':
    'Ten uczestnik opuścił grupę. Możesz czytać rozmowę, ale nie możesz już w niej pisać.',
  'messages.thread.crisis':
    'To, co piszesz, brzmi naprawdę ciężko. Powiadomiliśmy dyżurnego specjalistę, który się z Tobą skontaktuje, więc nie musisz czekać na prowadzącego. Możesz też od razu skontaktować się z jedną z tych linii.',
  'messages.thread.crisisOpen':
    'Twoja wcześniejsza prośba o pomoc jest wciąż otwarta: specjalista dyżurny skontaktuje się z Tobą.',
  'messages.thread.crisisOpenLink': 'Napisz do niego na stronie pomocy',
  'messages.thread.crisisLines': 'Telefony zaufania, pod które możesz zadzwonić teraz',
  'messages.form.title': 'Napisz wiadomość',
  'messages.form.body': 'Twoja wiadomość',
  'messages.form.bodyHelp': 'Do 4000 znaków. Przeczytać ją mogą tylko prowadzący tę grupę.',
  'messages.form.send': 'Wyślij',
  'messages.form.sent': 'Wiadomość wysłana.',
  'messages.startFromGroup': 'Napisz do prowadzącego',
  'profile.responseHours': 'Zwykły czas odpowiedzi na prywatne wiadomości (w godzinach)',
  'profile.responseHoursHelp': 'Uczestnicy widzą go, gdy do Ciebie piszą. Od 1 do 168 godzin (tydzień).',
  'error.message_required': 'Najpierw napisz wiadomość.',
  'error.message_too_long': 'Wiadomość może mieć najwyżej 4000 znaków.',
  'error.message_rate_limited':
    'Wysłałeś(-aś) wiele wiadomości w krótkim czasie. Odczekaj kilka minut, zanim wyślesz kolejną.',
  'error.message_thread_closed': 'Ta rozmowa jest zamknięta, ponieważ uczestnik nie należy już do grupy.',
  'error.response_hours_invalid': 'Podaj liczbę całkowitą godzin od 1 do 168.',
}
